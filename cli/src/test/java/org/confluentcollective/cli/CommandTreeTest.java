package org.confluentcollective.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Only the named subcommand's model is built; the root's help and unknown names get them all. */
class CommandTreeTest {

    private static final Environment ENVIRONMENT = new Environment(Map.of(), Path.of("/nonexistent"),
            (prompt, alternative) -> {
                throw new CliException("no prompts");
            });

    private static Set<String> subcommands(String... args) {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        return ConfluentCtl.commandLine(ConfluentCtl.forTests(ENVIRONMENT, nowhere, nowhere), args)
                .getSubcommands().keySet();
    }

    @Test
    void theSubcommandIsFoundPastTheRootsOptions() {
        assertEquals("nodelist", ConfluentCtl.subcommandName(new String[] {"--socket", "/s", "-o", "json",
            "--debug", "--host=h", "nodelist", "n1"}));
        assertEquals("x", ConfluentCtl.subcommandName(new String[] {"--output", "text", "x"}));
        assertNull(ConfluentCtl.subcommandName(new String[] {"--help"}));
    }

    @Test
    void onlyTheNamedSubcommandIsBuilt() {
        assertEquals(Set.of("nodelist"), subcommands("--socket", "/s", "nodelist", "n1"));
        assertEquals(ConfluentCtl.SUBCOMMANDS.size(), subcommands("--help").size());
        assertEquals(ConfluentCtl.SUBCOMMANDS.size(), subcommands("nodeatrib").size());
        assertEquals(ConfluentCtl.SUBCOMMANDS.size(), subcommands("completion").size());
        assertEquals(ConfluentCtl.SUBCOMMANDS.size(), subcommands("help", "nodelist").size());
    }
}
