package org.confluentcollective.server.noderange;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.confluentcollective.server.api.NodeRangeException;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.spec.SpecFixture;
import org.junit.jupiter.api.Test;

/**
 * 100,000 random texts from the noderange alphabet plus junk: evaluation either succeeds or
 * throws {@link NodeRangeException}, never anything else, and never takes long.
 */
class NodeRangeFuzzTest {

    private static final AttributeCatalog CATALOG = AttributeCatalog.standard();
    private static final List<String> PIECES = List.of(
            "n", "r", "u", "s", "1", "01", "2", "42", "100", "0", "rack", "rack1", "compute", "storage", "everything",
            "bignodes", "login-", "db1.lab", "util_", "edge1", "n1-n2", "[", "]", "-", ":", "..", ".", "+", ",", ",-",
            "@", "(", ")", "<", ">", "<3", ">2", "~", "/", "=", "==", "!=", "=~", "!~", "!", "location.rack",
            "net.*switch", "custom.x", "secret.x", "bmc", " ", "^", "$", "*", "_", "99999999999999999999", "|", "{",
            "}", "\"", "'", "é", "\t", "\\", "?", "#", ";", "%", "&", "\u0000");
    private static final String CHARS = "abnrsu0123456789[]~^$/=-_:.*+!,@()<> |;#?&%{}\\\"'é\t";
    private static final int INPUTS = 100_000;
    private static final long SLOW_MILLIS = 1_000;

    @Test
    void randomTextsFailOnlyWithNodeRangeException() {
        SpecFixture fixture = SpecFixture.standard(CATALOG);
        List<String> groups = List.of("everything", "rack1", "rack2", "rack3", "rack4", "compute", "gpu", "storage",
                "login", "mgmt", "util", "chassis01", "chassis02", "chassis03", "chassis04", "chassis05", "spare",
                "edge1", "rack1compute", "bignodes");
        MapUniverse universe = MapUniverse.snapshot(fixture, groups);
        NodeRanges ranges = new NodeRanges(CATALOG);
        Random random = new Random(20240611);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < INPUTS; i++) {
                String text = random.nextBoolean() ? fromPieces(random) : fromChars(random);
                long start = System.nanoTime();
                try {
                    if (i % 4 == 0) {
                        ranges.expandNames(text);
                    } else {
                        ranges.expand(text, universe);
                    }
                } catch (NodeRangeException expected) {
                    assertTrue(expected.column() >= 1 && expected.column() <= text.length() + 1,
                            () -> "column " + expected.column() + " outside '" + text + "'");
                } catch (RuntimeException | Error e) {
                    fail("'" + text + "' threw " + e, e);
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                if (millis > SLOW_MILLIS) {
                    fail("'" + text + "' took " + millis + " ms");
                }
            }
        });
    }

    private static String fromPieces(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(10);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return text.toString();
    }

    private static String fromChars(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(16);
        for (int i = 0; i < length; i++) {
            text.append(CHARS.charAt(random.nextInt(CHARS.length())));
        }
        return text.toString();
    }
}
