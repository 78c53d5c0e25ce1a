package org.confluentcollective.server.api;

import java.util.List;

/** One requested change to an attribute, as the API and CLI express it (shared/spec/api.md). */
public sealed interface AttributeInput {

    /** A plain string: the server decides whether it is a value or an expression. */
    record Text(String text) implements AttributeInput {
    }

    /** {@code {"value": v}}: stored verbatim, never evaluated. */
    record Value(String value) implements AttributeInput {
    }

    /** {@code {"expression": e}}: always an expression. */
    record Expression(String template) implements AttributeInput {
    }

    /** {@code null}: remove the value set here (an inherited one shows through again). */
    record Clear() implements AttributeInput {
    }

    /** A list, for {@code groups} on a node or {@code nodes} on a group. */
    record Items(List<String> items) implements AttributeInput {
        public Items {
            items = List.copyOf(items);
        }
    }

    /** {@code {"prepend": "a,b"}}: put these groups (or nodes' group membership) first. */
    record Prepend(String items) implements AttributeInput {
    }

    /** {@code {"remove": "a"}}: take these groups (or nodes) out. */
    record Remove(String items) implements AttributeInput {
    }
}
