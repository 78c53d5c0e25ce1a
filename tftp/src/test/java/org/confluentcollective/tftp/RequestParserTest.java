package org.confluentcollective.tftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class RequestParserTest {

    private static TftpRequest parse(String raw) throws MalformedPacketException {
        byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
        return RequestParser.parse(bytes, 0, bytes.length);
    }

    @Test
    void readsFilenameModeAndOptionsInOrderCaseInsensitively() throws Exception {
        TftpRequest r = parse("\0\1pxelinux.0\0OCTET\0BLKSIZE\0001428\0tsize\0000\0windowsize\0008\0blksize\09\0");
        assertEquals(1, r.opcode());
        assertEquals("pxelinux.0", r.filename());
        assertEquals("octet", r.mode());
        assertEquals(List.of("blksize", "tsize", "windowsize"), List.copyOf(r.options().keySet()));
        assertEquals("1428", r.options().get("blksize"), "first occurrence wins");
        assertTrue(parse("\0\2f\0netascii\0").netascii());
    }

    @Test
    void refusesWhatIsNotAWellFormedRequest() {
        for (String bad : List.of("", "\0", "\0\1", "\0\1f", "\0\1f\0", "\0\1f\0octet", "\0\1\0octet\0",
                "\0\1f\0mail\0", "\0\1f\0octet\0blksize\0", "\0\1f\0octet\0blksize", "\0\3f\0octet\0",
                "\1\1f\0octet\0")) {
            assertThrows(MalformedPacketException.class, () -> parse(bad), () -> "accepted " + bad.replace("\0", "\\0"));
        }
    }

    @Test
    void readsOnlyWithinTheDatagram() throws Exception {
        // A reused receive buffer: stale bytes after the length must not count.
        byte[] buffer = "\0\1f\0octet\0blksize\0001428\0".getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(MalformedPacketException.class, () -> RequestParser.parse(buffer, 0, 18));
        assertEquals(Map.of(), RequestParser.parse(buffer, 0, 10).options());
        assertFalse(RequestParser.looksLikeRequest(new byte[] {0, 4, 0, 1}, 0, 4));
    }

    @Test
    void negotiatesWithinLimitsAndIgnoresTheUnknown() {
        TftpSettings settings = new TftpSettings(InetAddress.getLoopbackAddress(), 0, Path.of("."), 4,
                Duration.ofSeconds(1), 3, 1468, 16);
        Map<String, String> asked = new LinkedHashMap<>();
        asked.put("blksize", "65464");
        asked.put("tsize", "0");
        asked.put("timeout", "3");
        asked.put("windowsize", "100");
        asked.put("multicast", "");
        Options o = Options.negotiate(asked, settings, 1234, 65000);
        assertEquals(1468, o.blockSize());
        assertEquals(3000, o.timeoutMs());
        assertEquals(16, o.windowSize());
        assertEquals(Map.of("blksize", "1468", "tsize", "1234", "timeout", "3", "windowsize", "16"), o.accepted());
        assertEquals("\0\6blksize\0001468\0tsize\0001234\0timeout\0003\0windowsize\00016\0",
                new String(o.oack(), StandardCharsets.US_ASCII));

        Options none = Options.negotiate(Map.of("blksize", "7", "timeout", "0", "windowsize", "x", "tsize", "0"),
                settings, -1, 65000);
        assertEquals(512, none.blockSize());
        assertEquals(1000, none.timeoutMs());
        assertEquals(1, none.windowSize());
        assertTrue(none.accepted().isEmpty(), "nothing to acknowledge: no OACK");
        assertEquals(600, Options.negotiate(Map.of("blksize", "9999"), settings, 0, 600).blockSize(),
                "never above what the socket can send");
    }
}
