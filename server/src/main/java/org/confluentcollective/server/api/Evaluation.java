package org.confluentcollective.server.api;

/** The outcome of evaluating an expression for one node: a value, or the reason it is broken. */
public record Evaluation(String value, String broken) {

    public static Evaluation ofValue(String value) {
        return new Evaluation(value, null);
    }

    public static Evaluation ofBroken(String reason) {
        return new Evaluation(null, reason);
    }

    public boolean isBroken() {
        return broken != null;
    }
}
