package org.confluentcollective.dhcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The codec: round trips, RFC 3396 long options, and a corpus of malformed packets, each refused. */
class DhcpPacketTest {

    @Test
    void roundTripsKeepEveryFieldAndTheOptionOrder() throws Exception {
        DhcpPacket packet = Packets.request(DhcpPacket.REQUEST, "52:54:00:12:34:56", 7, true,
                new byte[] {10, 77, 0, 1}, new byte[] {10, 77, 0, 20}, new byte[16]);
        byte[] wire = packet.encode();
        DhcpPacket parsed = DhcpPacket.parse(wire, 0, wire.length);
        assertEquals(packet, parsed);
        assertArrayEquals(wire, parsed.encode());
        assertEquals(DhcpPacket.REQUEST, parsed.messageType());
        assertEquals(0x1234abcd, parsed.xid());
        assertEquals(List.of(53, 54, 50, 55, 60, 93, 94, 97, 77), parsed.options().stream().map(DhcpOption::code).toList());
        assertEquals(Optional.of("iPXE"), parsed.optionText(DhcpOption.USER_CLASS));
        assertArrayEquals(Packets.mac("52:54:00:12:34:56"), parsed.ethernetAddress().orElseThrow());
        assertEquals(300, Packets.discover("52:54:00:00:00:01", 0).encode().length, "BOOTP's minimum size");
    }

    @Test
    void longOptionsAreSplitAndJoined() throws Exception {
        byte[] url = new byte[600];
        Arrays.fill(url, (byte) 'a');
        DhcpPacket packet = new DhcpPacket(2, 1, 6, 0, 1, 0, 0, DhcpPacket.ZERO, DhcpPacket.ZERO, DhcpPacket.ZERO,
                DhcpPacket.ZERO, new byte[6], new byte[0], new byte[0], List.of(new DhcpOption(67, url)));
        byte[] wire = packet.encode();
        DhcpPacket parsed = DhcpPacket.parse(wire, 0, wire.length);
        assertEquals(3, parsed.options().size(), "255 + 255 + 90");
        assertArrayEquals(url, parsed.option(67).orElseThrow());
    }

    @Test
    void malformedPacketsAreRefused() {
        byte[] good = Packets.discover("52:54:00:00:00:01", 0).encode();
        int options = DhcpPacket.MIN_LENGTH;
        Map<String, byte[]> corpus = new LinkedHashMap<>();
        corpus.put("empty", new byte[0]);
        corpus.put("header only", Arrays.copyOf(good, 236));
        corpus.put("no end option", Arrays.copyOf(good, options + 3));
        corpus.put("bad cookie", with(good, 236, 0x63, 0x82, 0x53, 0x64));
        corpus.put("op 3", with(good, 0, 3));
        corpus.put("op 0", with(good, 0, 0));
        corpus.put("hlen 17", with(good, 2, 17));
        corpus.put("option past the end", with(Arrays.copyOf(good, options + 2), options, 60, 200));
        corpus.put("length byte missing", with(Arrays.copyOf(good, options + 1), options, 60));
        corpus.put("garbage after end", with(good, good.length - 1, 7));
        corpus.put("overload", options(52, 1, 3));
        corpus.put("type with two bytes", options(53, 2, 1, 1));
        corpus.put("type 0", options(53, 1, 0));
        corpus.put("type 200", options(53, 1, 200));
        corpus.put("server id of 3 bytes", options(54, 3, 1, 2, 3));
        corpus.put("odd architecture", options(93, 3, 0, 0, 7));
        corpus.put("empty architecture", options(93, 0));
        corpus.put("uuid of 16 bytes", options(97, 16, new byte[16]));
        corpus.put("uuid of type 1", options(97, 17, concat(new byte[] {1}, new byte[16])));
        corpus.put("ndi of 2 bytes", options(94, 2, 1, 2));
        corpus.put("17 hops", with(good, 3, 17));
        corpus.put("broadcast giaddr", with(good, 24, 255, 255, 255, 255));
        corpus.put("multicast giaddr", with(good, 24, 239, 1, 2, 3));
        corpus.put("loopback giaddr", with(good, 24, 127, 0, 0, 1));
        corpus.put("empty relay agent option", options(82, 0));
        corpus.put("relay agent sub-option too long", options(82, 3, 1, 5, 0));
        corpus.put("relay agent sub-option without length", options(82, 3, 1, 1, 0x41, 2));
        for (Map.Entry<String, byte[]> bad : corpus.entrySet()) {
            assertThrows(MalformedPacketException.class, () -> DhcpPacket.parse(bad.getValue(), 0,
                    bad.getValue().length), bad.getKey());
        }
        assertThrows(MalformedPacketException.class, () -> DhcpPacket.parse(good, 10, good.length), "bounds");
    }

    @Test
    void paddingIsSkipped() throws Exception {
        byte[] packet = options(0, 0, 53, 1, 1, 0);
        assertEquals(DhcpPacket.DISCOVER, DhcpPacket.parse(packet, 0, packet.length).messageType());
    }

    /** A valid header with the given option bytes, then an end option. */
    static byte[] options(int... bytes) {
        byte[] header = Arrays.copyOf(Packets.discover("52:54:00:00:00:01", 0).encode(), DhcpPacket.MIN_LENGTH);
        byte[] out = Arrays.copyOf(header, header.length + bytes.length + 1);
        for (int i = 0; i < bytes.length; i++) {
            out[header.length + i] = (byte) bytes[i];
        }
        out[out.length - 1] = (byte) 255;
        return out;
    }

    private static byte[] options(int code, int length, byte[] data) {
        List<Integer> bytes = new ArrayList<>(List.of(code, length));
        for (byte b : data) {
            bytes.add(b & 0xff);
        }
        return options(bytes.stream().mapToInt(Integer::intValue).toArray());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] with(byte[] packet, int at, int... bytes) {
        byte[] out = packet.clone();
        for (int i = 0; i < bytes.length; i++) {
            out[at + i] = (byte) bytes[i];
        }
        return out;
    }
}
