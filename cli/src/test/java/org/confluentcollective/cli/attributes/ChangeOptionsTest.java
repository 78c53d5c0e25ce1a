package org.confluentcollective.cli.attributes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.Environment;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

class ChangeOptionsTest {

    static final class Holder {
        @Mixin
        ChangeOptions options;

        @Parameters
        List<String> arguments = List.of();
    }

    private static String resolve(Environment environment, String... args) throws CliException {
        Holder holder = new Holder();
        new CommandLine(holder).parseArgs(args);
        return holder.options.resolve(holder.arguments, environment).map(c -> c.toJson().toString())
                .orElse("show");
    }

    private static Environment environment(Map<String, String> variables, String... answers) {
        Deque<String> queue = new ArrayDeque<>(List.of(answers));
        return new Environment(variables, Path.of("/nonexistent"), (prompt, alternative) -> queue.remove());
    }

    @Test
    void namesAloneMeanShow() throws CliException {
        assertEquals("show", resolve(environment(Map.of()), "location.rack", "all"));
    }

    @Test
    void assignmentsMeanSet() throws CliException {
        assertEquals("{\"a\":\"b=c\",\"groups\":{\"prepend\":\"x\"}}",
                resolve(environment(Map.of()), "a=b=c", "groups,=x"));
    }

    @Test
    void mixingNamesAndAssignmentsIsAUsageError() {
        assertThrows(IllegalArgumentException.class, () -> resolve(environment(Map.of()), "a=1", "b"));
    }

    @Test
    void clearSendsNulls() throws CliException {
        assertEquals("{\"location.rack\":null,\"net.*switch\":null}",
                resolve(environment(Map.of()), "-c", "location.rack", "net.*switch"));
    }

    @Test
    void environmentUsesUnderscoresThenUpperCase() throws CliException {
        Environment environment = environment(Map.of("location_rack", "7", "SECRET_IPMIKG", "k"));
        assertEquals("{\"location.rack\":\"7\",\"secret.ipmikg\":\"k\"}",
                resolve(environment, "-e", "location.rack", "secret.ipmikg"));
    }

    @Test
    void aMissingVariableIsReported() {
        CliException e = assertThrows(CliException.class, () -> resolve(environment(Map.of()), "-e", "a.b"));
        assertTrue(e.getMessage().contains("a_b"), e.getMessage());
    }

    @Test
    void promptAsksTwiceAndInsistsOnTheSameAnswer() throws CliException {
        assertEquals("{\"secret.hardwaremanagementpassword\":\"s3cret\"}",
                resolve(environment(Map.of(), "s3cret", "s3cret"), "-p", "secret.hardwaremanagementpassword"));
        assertThrows(CliException.class, () -> resolve(environment(Map.of(), "a", "b"), "-p", "x"));
    }

    @Test
    void clearEnvironmentAndPromptExcludeEachOther() {
        assertThrows(CommandLine.ParameterException.class,
                () -> new CommandLine(new Holder()).parseArgs("-c", "-p", "x"));
    }
}
