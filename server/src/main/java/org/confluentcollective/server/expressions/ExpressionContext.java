package org.confluentcollective.server.expressions;

import java.util.Optional;

/** Looks up the stored form of one node's attributes while an expression is evaluated. */
public interface ExpressionContext {

    /** The node's effective stored attribute (own, otherwise inherited), not yet evaluated. */
    Optional<StoredAttribute> attribute(String node, String name);

    /** A stored attribute: a plain value, or an expression template. */
    record StoredAttribute(String value, String expression) {
        public static StoredAttribute ofValue(String value) {
            return new StoredAttribute(value, null);
        }

        public static StoredAttribute ofExpression(String expression) {
            return new StoredAttribute(null, expression);
        }

        public boolean isExpression() {
            return expression != null;
        }
    }
}
