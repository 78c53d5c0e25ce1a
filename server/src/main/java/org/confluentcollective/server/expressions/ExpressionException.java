package org.confluentcollective.server.expressions;

/** An expression rejected at set time (brace syntax, bad conversion, format spec too long). */
public class ExpressionException extends IllegalArgumentException {
    public ExpressionException(String message) {
        super(message);
    }
}
