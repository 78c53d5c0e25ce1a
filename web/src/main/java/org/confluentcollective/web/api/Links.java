package org.confluentcollective.web.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The collection shape: {@code {"_links":{"self":{"href":"./"},"item":[{"href":"n1/"}...]}}}. */
final class Links {

    private Links() {
    }

    static ObjectNode collection(List<String> hrefs) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode links = json.objectNode();
        links.putObject("self").put("href", "./");
        var items = links.putArray("item");
        hrefs.forEach(href -> items.addObject().put("href", href));
        ObjectNode answer = json.objectNode();
        answer.set("_links", links);
        return answer;
    }

    /** Sub-collections of names, each as {@code name/}. */
    static ObjectNode directories(List<String> names) {
        return collection(names.stream().map(name -> name + "/").toList());
    }
}
