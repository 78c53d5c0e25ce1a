package org.confluentcollective.server.expressions;

import org.confluentcollective.server.attributes.AttributeCatalog;

/** Classifies, checks and evaluates attribute expressions (shared/spec/expressions.md). */
public final class Expressions {

    private final AttributeCatalog catalog;

    public Expressions(AttributeCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Decides whether a plain submitted string is a value or an expression.
     *
     * @throws ExpressionException when the text is rejected (unmatched brace, bad conversion, ...)
     */
    public SubmittedText classify(String text) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Checks a template submitted explicitly as {@code {"expression": ...}}.
     *
     * @throws ExpressionException when it would be rejected at set time
     */
    public void check(String template) {
        throw new UnsupportedOperationException("not yet");
    }

    public Evaluation evaluateAttribute(String node, String attribute, ExpressionContext context) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Evaluates a template for one node; never throws for a broken expression, never hangs on cycles. */
    public Evaluation evaluate(String node, String template, ExpressionContext context) {
        throw new UnsupportedOperationException("not yet");
    }
}
