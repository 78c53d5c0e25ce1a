package org.confluentcollective.server.expressions;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Parsed templates and field expressions by their text. A group's expression is evaluated
 * for each of its members, and a selector over 100,000 nodes evaluates it 100,000 times:
 * parsing it once makes that several times faster. Texts that fail to parse are not kept.
 */
final class ParseCache {

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Template> templates = new ConcurrentHashMap<>();
    private final Map<String, Ast> fields = new ConcurrentHashMap<>();

    Template template(String text) {
        return lookup(templates, text, Template::parse);
    }

    Ast field(String source) {
        return lookup(fields, source, FieldParser::parse);
    }

    private static <T> T lookup(Map<String, T> cache, String text, Function<String, T> parser) {
        T parsed = cache.get(text);
        if (parsed == null) {
            parsed = parser.apply(text);
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear(); // a crude bound: the working set of expressions is small
            }
            cache.put(text, parsed);
        }
        return parsed;
    }
}
