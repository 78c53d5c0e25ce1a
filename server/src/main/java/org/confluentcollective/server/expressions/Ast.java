package org.confluentcollective.server.expressions;

import java.util.List;

/** A parsed field expression (expressions.md section 3). */
sealed interface Ast {

    record Literal(Value value) implements Ast {
    }

    /** {@code node}, {@code nK}, or an attribute name, dotted or not, as written. */
    record Name(String name) implements Ast {
    }

    /** Unary minus, the only unary operator. */
    record Negate(Ast operand) implements Ast {
    }

    record Binary(String operator, Ast left, Ast right) implements Ast {
    }

    record Index(Ast target, Ast index) implements Ast {
    }

    /** {@code target[lower:upper:step]}; absent parts are null. */
    record Slice(Ast target, Ast lower, Ast upper, Ast step) implements Ast {
    }

    record Call(Ast target, String method, List<Ast> arguments) implements Ast {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }
}
