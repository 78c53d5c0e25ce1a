package org.confluentcollective.server.expressions;

import java.util.Set;

import org.confluentcollective.server.api.Evaluation;
/**
 * Thrown inside evaluation when an expression cannot be evaluated; {@link Expressions#evaluate}
 * turns it into a broken {@link Evaluation}. Carries no stack trace: it is control flow.
 */
final class Broken extends RuntimeException {

    /** The attributes of a reference cycle this failure comes from, or empty. */
    private final Set<String> cycle;

    Broken(String reason) {
        this(reason, Set.of());
    }

    Broken(String reason, Set<String> cycle) {
        super(reason, null, false, false);
        this.cycle = Set.copyOf(cycle);
    }

    Set<String> cycle() {
        return cycle;
    }
}
