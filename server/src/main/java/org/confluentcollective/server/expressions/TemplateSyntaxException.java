package org.confluentcollective.server.expressions;

/** A template whose braces do not parse; the message names the problem and its 1-based column. */
final class TemplateSyntaxException extends RuntimeException {

    TemplateSyntaxException(int column, String problem) {
        super(problem + " at column " + column, null, false, false);
    }
}
