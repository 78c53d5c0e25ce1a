package org.confluentcollective.cli.attributes;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The attribute changes of one request, sent together as one PUT body {@code {attr: input, ...}}. */
public record AttributeChanges(List<AttributeAssignment> assignments) {

    public AttributeChanges {
        assignments = List.copyOf(assignments);
    }

    /**
     * Parses {@code attribute=value} arguments.
     *
     * @throws IllegalArgumentException naming the first argument that is not an assignment
     */
    public static AttributeChanges parse(List<String> arguments) {
        List<AttributeAssignment> assignments = new ArrayList<>();
        for (String argument : arguments) {
            assignments.add(AttributeAssignment.parse(argument));
        }
        return new AttributeChanges(assignments);
    }

    /** The attributes named, in order, each once. */
    public List<String> names() {
        return assignments.stream().map(AttributeAssignment::name).distinct().toList();
    }

    /** The same changes but for those to {@code names}. */
    public AttributeChanges only(List<String> names) {
        return new AttributeChanges(assignments.stream().filter(a -> names.contains(a.name())).toList());
    }

    /** The body; a later assignment to the same attribute replaces an earlier one. */
    public ObjectNode toJson() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        assignments.forEach(a -> body.set(a.name(), a.input()));
        return body;
    }

    /** The body of a create request: {@code {"name": name, attr: input, ...}}. */
    public ObjectNode toJsonNamed(String name) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", name);
        body.setAll(toJson());
        return body;
    }
}
