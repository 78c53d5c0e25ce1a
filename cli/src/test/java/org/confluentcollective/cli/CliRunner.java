package org.confluentcollective.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Runs confluentctl in-process with a chosen environment and captures what it prints. */
public final class CliRunner {

    /** What one run produced. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Map<String, String> variables = new HashMap<>();
    private final Deque<String> answers = new ArrayDeque<>();
    private final Path home;
    private Supplier<InputStream> input = InputStream::nullInputStream;

    public CliRunner(Path home) {
        this.home = home;
    }

    public CliRunner with(String variable, String value) {
        variables.put(variable, value);
        return this;
    }

    public CliRunner without(String variable) {
        variables.remove(variable);
        return this;
    }

    /** What confluentctl reads on standard input (nothing by default). */
    public CliRunner input(String text) {
        input = () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** What confluentctl reads on standard input: a stream, which the test may feed as the run goes on. */
    public CliRunner input(InputStream stream) {
        input = () -> stream;
        return this;
    }

    /** Answers to give, in order, when confluentctl prompts. */
    public CliRunner answering(String... secrets) {
        answers.addAll(List.of(secrets));
        return this;
    }

    public Result run(String... args) {
        return runPrintingTo(new StringWriter(), args);
    }

    /** Runs with stdout going to {@code out}, which another thread may watch while the run goes on. */
    public Result runPrintingTo(StringWriter out, String... args) {
        StringWriter err = new StringWriter();
        Prompter prompter = (prompt, alternative) -> {
            if (answers.isEmpty()) {
                throw new CliException("unexpected prompt: " + prompt);
            }
            return answers.remove();
        };
        int code = ConfluentCtl.run(new Environment(variables, home, prompter, input.get()),
                new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }
}
