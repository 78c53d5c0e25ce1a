package org.confluentcollective.server.expressions;

/**
 * How a plain string submitted for an attribute is to be stored: as a value (braces unescaped)
 * or as an expression template (see shared/spec/expressions.md section 1).
 */
public record SubmittedText(String text, boolean expression) {
}
