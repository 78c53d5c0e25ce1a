package org.confluentcollective.cli.collate;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
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
     * How the groups are shown, collate's options. With {@code diff}, the reference output (that of
     * {@code base} when given, else the most common) comes first and whole, the others as their
     * difference from it; {@code skipCommon} leaves out the reference (else the biggest group).
     */
    public record Layout(boolean abbreviate, boolean count, boolean reverse, boolean skipCommon,
                         boolean diff, String base) {
    }

    /** One group as shown: its header, and its output or (diff) its difference from the reference. */
    public record Shown(String header, TreeSet<String> nodes, String output, List<String> diff) {
        /** The output's lines, without the end of the last. */
        public List<String> outputLines() {
            return output.isEmpty() ? List.of() : List.of(output.substring(0, output.length() - 1).split("\n", -1));
        }
    }

    /**
     * The groups in the order they print. A {@code base} that gave no output is reported through
     * {@code warning}, and the most common output is the reference instead (the original says nothing).
     */
    public List<Shown> shown(Layout layout, Consumer<String> warning) {
        Function<TreeSet<String>, String> header = header(layout.abbreviate());
        if (!layout.diff()) {
            List<Group> groups = groups(header, layout.reverse());
            if (layout.skipCommon() && !groups.isEmpty()) {
                groups.remove(layout.reverse() ? groups.size() - 1 : 0);
            }
            return groups.stream().map(g -> new Shown(header.apply(g.nodes()), g.nodes(), g.output(), null)).toList();
        }
        List<Group> groups = groups(header, false);
        if (groups.isEmpty()) {
            return List.of();
        }
        Group reference = groups.get(0);
        if (layout.base() != null) {
            Group withBase = groups.stream().filter(g -> g.nodes().contains(layout.base())).findFirst().orElse(null);
            if (withBase == null) {
                warning.accept(layout.base() + " gave no output; comparing with the most common output instead");
            } else {
                reference = withBase;
            }
        }
        groups.remove(reference);
        if (!layout.skipCommon()) {
            groups.add(0, reference);
        }
        List<String> referenceLines = List.of(reference.output().split("\n", -1));
        List<Shown> shown = new ArrayList<>();
        for (Group group : groups) {
            List<String> diff = group == reference ? null
                    : LineDiff.of(referenceLines, List.of(group.output().split("\n", -1)));
            shown.add(new Shown(header.apply(group.nodes()), group.nodes(), group.output(), diff));
        }
        if (layout.reverse()) {
            // as the original's: the whole list turns round, the reference last
            Collections.reverse(shown);
        }
        return shown;
    }

    /**
     * Prints each group under a header of its nodes: joined by commas in natural order, or
     * abbreviated into a noderange.
     */
    public void print(PrintWriter out, Layout layout, Consumer<String> warning) {
        for (Shown group : shown(layout, warning)) {
            out.println(RULE);
            out.println(group.header());
            out.println(RULE);
            if (layout.count()) {
                out.println("Count: " + group.nodes().size());
                out.println(RULE);
            }
            if (group.diff() == null) {
                out.print(group.output());
            } else {
                group.diff().forEach(out::println);
            }
            out.println();
        }
        out.flush();
    }

    private static Function<TreeSet<String>, String> header(boolean abbreviate) {
        return abbreviate ? Abbreviation::of : nodes -> String.join(",", nodes);
    }
}
