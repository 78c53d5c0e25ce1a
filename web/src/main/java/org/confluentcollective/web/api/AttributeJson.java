package org.confluentcollective.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.api.AttributeInput;
import org.confluentcollective.server.api.AttributeView;

/** Attribute changes from JSON and attribute views to JSON, as the REST contract spells them. */
final class AttributeJson {

    private static final Set<String> INPUT_FORMS = Set.of("value", "expression", "prepend", "remove");

    private AttributeJson() {
    }

    /** Every member of {@code body} except {@code reserved}, as an attribute change. */
    static Map<String, AttributeInput> inputs(ObjectNode body, Set<String> reserved) {
        Map<String, AttributeInput> changes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!reserved.contains(field.getKey())) {
                changes.put(field.getKey(), input(field.getKey(), field.getValue()));
            }
        }
        return changes;
    }

    static AttributeInput input(String name, JsonNode json) {
        if (json.isNull()) {
            return new AttributeInput.Clear();
        }
        if (json.isTextual()) {
            return new AttributeInput.Text(json.textValue());
        }
        if (json.isNumber() || json.isBoolean()) {
            return new AttributeInput.Text(json.asText());
        }
        if (json.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : json) {
                if (!item.isTextual()) {
                    throw invalid(name, "a list may hold only strings");
                }
                items.add(item.textValue());
            }
            return new AttributeInput.Items(items);
        }
        if (json.isObject()) {
            return form(name, (ObjectNode) json);
        }
        throw invalid(name, "unsupported JSON value");
    }

    private static AttributeInput form(String name, ObjectNode json) {
        if (json.size() != 1) {
            throw invalid(name, "an object must have exactly one of " + String.join(", ", sorted(INPUT_FORMS)));
        }
        String form = json.fieldNames().next();
        if (!INPUT_FORMS.contains(form)) {
            throw invalid(name, "unknown form '" + form + "', expected one of " + String.join(", ", sorted(INPUT_FORMS)));
        }
        JsonNode value = json.get(form);
        if (!(value.isTextual() || (form.equals("value") && (value.isNumber() || value.isBoolean())))) {
            throw invalid(name, "'" + form + "' must be a string");
        }
        String text = value.asText();
        return switch (form) {
            case "value" -> new AttributeInput.Value(text);
            case "expression" -> new AttributeInput.Expression(text);
            case "prepend" -> new AttributeInput.Prepend(text);
            default -> new AttributeInput.Remove(text);
        };
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    private static RequestException invalid(String name, String problem) {
        return RequestException.badRequest("invalid value for attribute " + name + ": " + problem);
    }

    /** One attribute view: value, items, expression, broken, isset, inheritedfrom. */
    static ObjectNode view(AttributeView view) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (view.isSet() != null) {
            json.put("isset", view.isSet());
        } else if (view.broken() != null) {
            json.put("expression", view.expression());
            json.put("broken", view.broken());
        } else if (view.items() != null) {
            var items = json.putArray("value");
            view.items().forEach(items::add);
        } else if (view.value() == null && view.expression() != null) {
            // A group's expression is evaluated per member node; the group itself has no value.
            json.put("expression", view.expression());
        } else {
            json.put("value", view.value());
            if (view.expression() != null) {
                json.put("expression", view.expression());
            }
        }
        if (view.inheritedFrom() != null) {
            json.put("inheritedfrom", view.inheritedFrom());
        }
        return json;
    }

    /** The flat map of a single node or group. */
    static ObjectNode flat(Map<String, AttributeView> views) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        views.forEach((name, v) -> json.set(name, view(v)));
        return json;
    }
}
