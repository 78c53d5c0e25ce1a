package org.confluentcollective.cli.attributes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.confluentcollective.cli.CliException;

/**
 * A {@code nodeattrib -s} file: lines {@code NODERANGE attr=value ...}, words split like a shell's,
 * blank lines and {@code #} comments ignored.
 */
public final class BatchFile {

    /** One line: which nodes, what to change, and where it was for messages. */
    public record Line(int number, String noderange, AttributeChanges changes) {
    }

    private BatchFile() {
    }

    public static List<Line> read(Path file) throws CliException {
        List<String> text = lines(file);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            String content = text.get(i).strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            lines.add(parse(file, i + 1, content));
        }
        return lines;
    }

    /**
     * The original's {@code nodeattrib NR -s FILE}: the file holds only {@code attr=value} words
     * (any number per line, split like a shell's), everything from a {@code #} to the end of its
     * line is a comment, and all of them apply to the noderange of the command line together.
     */
    public static AttributeChanges readAssignments(Path file) throws CliException {
        List<String> words = new ArrayList<>();
        for (String line : lines(file)) {
            int comment = line.indexOf('#');
            String content = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (!content.isEmpty()) {
                try {
                    words.addAll(ShellWords.split(content));
                } catch (IllegalArgumentException e) {
                    throw new CliException(file + ": " + e.getMessage(), e);
                }
            }
        }
        if (words.isEmpty()) {
            throw new CliException(file + " holds no attribute=value to set");
        }
        try {
            return AttributeChanges.parse(words);
        } catch (IllegalArgumentException e) {
            throw new CliException(file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> lines(Path file) throws CliException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Line parse(Path file, int number, String content) throws CliException {
        try {
            List<String> words = ShellWords.split(content);
            if (words.size() < 2) {
                throw new IllegalArgumentException("expected a noderange and attribute=value assignments");
            }
            return new Line(number, words.get(0), AttributeChanges.parse(words.subList(1, words.size())));
        } catch (IllegalArgumentException e) {
            throw new CliException(file + ":" + number + ": " + e.getMessage(), e);
        }
    }
}
