package org.confluentcollective.web.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.confluentcollective.server.api.RequestException;

/**
 * Refuses what JSON can carry but the database must not store: a lone UTF-16 surrogate
 * ({@code "\ud800"} is valid JSON, but no Unicode text) and a number that is not finite
 * ({@code 1e999999} would be stored as {@code Infinity}). Each refusal names the member it
 * was found under, the attribute for attribute changes.
 */
final class BodyText {

    private BodyText() {
    }

    static void check(JsonNode body) {
        check(body, null);
    }

    /** Jackson bounds the nesting of a body (1,000 levels), so this recursion is bounded too. */
    private static void check(JsonNode json, String member) {
        if (json.isTextual()) {
            checkText(json.textValue(), member, "text");
        } else if (json.isFloatingPointNumber() && !Double.isFinite(json.doubleValue())) {
            throw RequestException.badRequest(where(member) + "the number is not finite (it overflows a double)");
        } else if (json.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = member == null ? field.getKey() : member;
                checkText(field.getKey(), name, "name");
                check(field.getValue(), name);
            }
        } else if (json.isArray()) {
            for (JsonNode item : json) {
                check(item, member);
            }
        }
    }

    private static void checkText(String text, String member, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw RequestException.badRequest(where(member) + "the " + what + " holds a lone UTF-16 surrogate "
                        + String.format("\\u%04X", (int) c) + " at position " + i + ", which is not Unicode");
            }
        }
    }

    private static String where(String member) {
        return member == null ? "invalid input: "
                : "invalid value for '" + printable(member) + "': ";
    }

    /** The member name as it can be shown: a lone surrogate written as an escape. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < name.length()
                    && Character.isLowSurrogate(name.charAt(i + 1));
            if (paired) {
                out.append(c).append(name.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
