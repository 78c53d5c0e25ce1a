package org.confluentcollective.server.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Exactly one member answers a node: the live allowed manager, else the first live allowed member. */
class ServingRuleTest {

    private static final Set<String> LIVE = Set.of("m1", "m2", "m10", "m3");

    @Test
    void theLiveManagerAnswersWhenAllowed() {
        assertEquals(Optional.of("m3"), ServingRule.answerer("m3", Optional.of(List.of("m2", "m3")), LIVE));
        assertEquals(Optional.of("m3"), ServingRule.answerer("m3", Optional.empty(), LIVE));
    }

    @Test
    void aManagerOutsideTheCandidatesDoesNot() {
        assertEquals(Optional.of("m2"), ServingRule.answerer("m1", Optional.of(List.of("m10", "m2")), LIVE));
    }

    @Test
    void aDeadManagerLeavesTheFirstLiveCandidateInNaturalOrder() {
        assertEquals(Optional.of("m2"), ServingRule.answerer("m9", Optional.of(List.of("m10", "m2", "m3")), LIVE));
    }

    @Test
    void withoutManagerOrCandidatesTheLowestLiveMemberAnswers() {
        assertEquals(Optional.of("m1"), ServingRule.answerer(null, Optional.empty(), LIVE));
        assertEquals(Optional.of("m1"), ServingRule.answerer("m9", Optional.empty(), LIVE));
    }

    @Test
    void noLiveCandidateMeansNoAnswer() {
        assertEquals(Optional.empty(), ServingRule.answerer("m9", Optional.of(List.of()), LIVE));
    }
}
