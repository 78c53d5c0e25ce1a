package org.confluentcollective.cli.collate;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The lines of {@code node: text} output, gathered per node, and the nodes grouped by identical
 * output, as the original's {@code textgroup}: the smallest indentation common to every line
 * (usually the blank after the colon) is dropped, groups print biggest first.
 */
public final class GroupedOutput {

    static final String RULE = "====================================";

    private final Map<String, List<String>> byNode = new LinkedHashMap<>();
    private String pad;

    /** A line as read: {@code node:text}; a line without a colon belongs to {@code UNKNOWN}. */
    public void addLine(String line) {
        if (line.isEmpty()) {
            return;
        }
        int colon = line.indexOf(':');
        if (colon < 0) {
            add("UNKNOWN", " " + line);
        } else {
            add(line.substring(0, colon), line.substring(colon + 1));
        }
    }

    void add(String node, String text) {
        int blanks = 0;
        while (blanks < text.length() && Character.isWhitespace(text.charAt(blanks))) {
            blanks++;
        }
        if (pad == null || blanks < pad.length()) {
            pad = text.substring(0, blanks);
        }
        byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(text);
    }

    /** One output and the nodes that gave it. */
    record Group(String output, TreeSet<String> nodes) {
    }

    /** The groups, biggest first (or last with {@code reverse}), equal sizes in the natural order of their header. */
    List<Group> groups(Function<TreeSet<String>, String> header, boolean reverse) {
        Map<String, TreeSet<String>> byOutput = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> node : byNode.entrySet()) {
            StringBuilder output = new StringBuilder();
            for (String line : node.getValue()) {
                output.append(line.startsWith(pad) ? line.substring(pad.length()) : line).append('\n');
            }
            byOutput.computeIfAbsent(output.toString(), o -> new TreeSet<>(NaturalOrder.INSTANCE)).add(node.getKey());
        }
        Comparator<Group> bySize = Comparator.comparingInt(g -> g.nodes().size());
        Comparator<Group> order = (reverse ? bySize : bySize.reversed())
                .thenComparing(g -> header.apply(g.nodes()), NaturalOrder.INSTANCE);
        List<Group> groups = new ArrayList<>();
        byOutput.forEach((output, nodes) -> groups.add(new Group(output, nodes)));
        groups.sort(order);
        return groups;
    }

    /** How many different outputs there are. */
    public int groupCount() {
        return groups(nodes -> "", false).size();
    }

    /**
     * Prints each group under a header of its nodes: joined by commas in natural order, or
     * abbreviated into a noderange. {@code skipCommon} leaves out the biggest group.
     */
    public void print(PrintWriter out, boolean abbreviate, boolean count, boolean reverse, boolean skipCommon) {
        Function<TreeSet<String>, String> header = abbreviate ? Abbreviation::of : nodes -> String.join(",", nodes);
        List<Group> groups = groups(header, reverse);
        if (skipCommon && !groups.isEmpty()) {
            groups.remove(reverse ? groups.size() - 1 : 0);
        }
        for (Group group : groups) {
            out.println(RULE);
            out.println(header.apply(group.nodes()));
            out.println(RULE);
            if (count) {
                out.println("Count: " + group.nodes().size());
                out.println(RULE);
            }
            out.print(group.output());
            out.println();
        }
        out.flush();
    }
}
