package org.confluentcollective.server.expressions;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.spec.SpecFixture;
import org.junit.jupiter.api.Test;

/** Hostile expressions are refused or broken quickly, never a stack overflow. */
class ExpressionLimitsTest {

    private static final AttributeCatalog CATALOG = AttributeCatalog.standard();
    private final Expressions expressions = new Expressions(CATALOG);
    private final SpecFixture db = SpecFixture.standard(CATALOG);

    private void refusedQuickly(String template) {
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            try {
                expressions.check(template);
            } catch (ExpressionException refused) {
                return;
            }
            assertTrue(expressions.evaluate("r2u07", template, db).isBroken(), template);
        });
    }

    @Test
    void longChainsOfOperatorsAreRefusedNotOverflowed() {
        refusedQuickly("{" + "1+".repeat(200_000) + "1}");
        refusedQuickly("{n1" + "[0]".repeat(100_000) + "}");
        refusedQuickly("{" + "-".repeat(200_000) + "1}");
        refusedQuickly("{" + "(".repeat(100_000) + "1" + ")".repeat(100_000) + "}");
        refusedQuickly("{1" + "<<1000".repeat(10_000) + "}");
    }
}
