package org.confluentcollective.dhcp;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A DHCPv4 / BOOTP packet (RFC 2131 §2), its options in the order they came. {@link #parse} is
 * strict: anything that is not a well-formed packet is a {@link MalformedPacketException}, never
 * another exception, so that a packet from the network cannot upset the responder.
 *
 * @param chaddr 16 bytes, of which {@code hlen} are the hardware address
 * @param sname  64 bytes, NUL-padded
 * @param file   128 bytes, NUL-padded
 */
public record DhcpPacket(int op, int htype, int hlen, int hops, int xid, int secs, int flags,
                         Inet4Address ciaddr, Inet4Address yiaddr, Inet4Address siaddr, Inet4Address giaddr,
                         byte[] chaddr, byte[] sname, byte[] file, List<DhcpOption> options) {

    public static final int BOOTREQUEST = 1;
    public static final int BOOTREPLY = 2;
    public static final int DISCOVER = 1;
    public static final int OFFER = 2;
    public static final int REQUEST = 3;
    public static final int DECLINE = 4;
    public static final int ACK = 5;
    public static final int NAK = 6;
    public static final int RELEASE = 7;
    public static final int INFORM = 8;
    public static final int BROADCAST_FLAG = 0x8000;
    public static final Inet4Address ZERO = address(new byte[4]);
    /** RFC 1542 §4.1.1: relay agents discard requests beyond 16 hops, so no valid packet has more. */
    public static final int MAX_HOPS = 16;

    /** The fixed header (236 bytes) and the magic cookie. */
    static final int HEADER = 236;
    static final int MIN_LENGTH = HEADER + 4;
    /** BOOTP's minimum message; some PXE ROMs ignore shorter replies. */
    static final int MIN_REPLY = 300;
    private static final byte[] COOKIE = {99, (byte) 130, 83, 99};

    public DhcpPacket {
        chaddr = fixed(chaddr, 16, "chaddr");
        sname = fixed(sname, 64, "sname");
        file = fixed(file, 128, "file");
        if (hlen < 0 || hlen > 16) {
            throw new IllegalArgumentException("hlen " + hlen);
        }
        options = List.copyOf(options);
    }

    @Override
    public byte[] chaddr() {
        return chaddr.clone();
    }

    @Override
    public byte[] sname() {
        return sname.clone();
    }

    @Override
    public byte[] file() {
        return file.clone();
    }

    /** The DHCP message type (option 53), or 0 for a BOOTP packet. */
    public int messageType() {
        return option(DhcpOption.MESSAGE_TYPE).map(type -> type[0] & 0xff).orElse(0);
    }

    /** An option's bytes; several occurrences are one option (RFC 3396). */
    public Optional<byte[]> option(int code) {
        ByteArrayOutputStream joined = null;
        for (DhcpOption option : options) {
            if (option.code() == code) {
                if (joined == null) {
                    joined = new ByteArrayOutputStream();
                }
                joined.writeBytes(option.data());
            }
        }
        return joined == null ? Optional.empty() : Optional.of(joined.toByteArray());
    }

    /** The option as ASCII text (vendor class, user class...). */
    public Optional<String> optionText(int code) {
        return option(code).map(bytes -> new String(bytes, StandardCharsets.US_ASCII));
    }

    /** The Ethernet address, when the hardware is Ethernet. */
    public Optional<byte[]> ethernetAddress() {
        return htype == 1 && hlen == 6 ? Optional.of(Arrays.copyOf(chaddr, 6)) : Optional.empty();
    }

    /** The file field up to its first NUL. */
    public String fileName() {
        return text(file);
    }

    public String serverName() {
        return text(sname);
    }

    public static DhcpPacket parse(byte[] buffer, int offset, int length) throws MalformedPacketException {
        if (offset < 0 || length < 0 || offset + length > buffer.length) {
            throw new MalformedPacketException("bad buffer bounds");
        }
        if (length < MIN_LENGTH) {
            throw new MalformedPacketException("too short: " + length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(buffer, offset, length).slice();
        int op = in.get() & 0xff;
        int htype = in.get() & 0xff;
        int hlen = in.get() & 0xff;
        int hops = in.get() & 0xff;
        if (op != BOOTREQUEST && op != BOOTREPLY) {
            throw new MalformedPacketException("op " + op);
        }
        if (hlen > 16) {
            throw new MalformedPacketException("hlen " + hlen);
        }
        if (hops > MAX_HOPS) {
            throw new MalformedPacketException("hops " + hops);
        }
        int xid = in.getInt();
        int secs = in.getShort() & 0xffff;
        int flags = in.getShort() & 0xffff;
        Inet4Address ciaddr = address(in);
        Inet4Address yiaddr = address(in);
        Inet4Address siaddr = address(in);
        Inet4Address giaddr = address(in);
        if (!giaddr.equals(ZERO) && !unicast(giaddr)) {
            throw new MalformedPacketException("giaddr " + giaddr.getHostAddress() + " is no relay agent's address");
        }
        byte[] chaddr = new byte[16];
        byte[] sname = new byte[64];
        byte[] file = new byte[128];
        in.get(chaddr).get(sname).get(file);
        byte[] cookie = new byte[4];
        in.get(cookie);
        if (!Arrays.equals(cookie, COOKIE)) {
            throw new MalformedPacketException("no DHCP magic cookie");
        }
        List<DhcpOption> options = options(in);
        DhcpPacket packet = new DhcpPacket(op, htype, hlen, hops, xid, secs, flags, ciaddr, yiaddr, siaddr, giaddr,
                chaddr, sname, file, options);
        packet.checkOptions();
        return packet;
    }

    private static List<DhcpOption> options(ByteBuffer in) throws MalformedPacketException {
        List<DhcpOption> options = new ArrayList<>();
        while (true) {
            if (!in.hasRemaining()) {
                throw new MalformedPacketException("options without an end");
            }
            int code = in.get() & 0xff;
            if (code == DhcpOption.PAD) {
                continue;
            }
            if (code == DhcpOption.END) {
                break;
            }
            if (!in.hasRemaining()) {
                throw new MalformedPacketException("option " + code + " without a length");
            }
            int length = in.get() & 0xff;
            if (length > in.remaining()) {
                throw new MalformedPacketException("option " + code + " longer than the packet");
            }
            byte[] data = new byte[length];
            in.get(data);
            options.add(new DhcpOption(code, data));
        }
        // Only padding may follow the end option.
        while (in.hasRemaining()) {
            if (in.get() != 0) {
                throw new MalformedPacketException("data after the end option");
            }
        }
        return options;
    }

    /** The options the responder reads must have their defined shape (RFC 2132, RFC 4578). */
    private void checkOptions() throws MalformedPacketException {
        if (option(DhcpOption.OVERLOAD).isPresent()) {
            // PXE clients never overload; accepting it would mean parsing sname/file as options.
            throw new MalformedPacketException("option overload is not supported");
        }
        Optional<byte[]> type = option(DhcpOption.MESSAGE_TYPE);
        if (type.isPresent() && (type.get().length != 1 || type.get()[0] < DISCOVER || type.get()[0] > 18)) {
            throw new MalformedPacketException("bad message type");
        }
        requireLength(DhcpOption.SERVER_ID, 4);
        requireLength(DhcpOption.REQUESTED_ADDRESS, 4);
        requireLength(DhcpOption.CLIENT_NDI, 3);
        requireLength(DhcpOption.MAX_MESSAGE_SIZE, 2);
        Optional<byte[]> arch = option(DhcpOption.CLIENT_ARCH);
        if (arch.isPresent() && (arch.get().length == 0 || arch.get().length % 2 != 0)) {
            throw new MalformedPacketException("bad client architecture option");
        }
        Optional<byte[]> agent = option(DhcpOption.RELAY_AGENT);
        if (agent.isPresent() && !subOptionsFit(agent.get())) {
            throw new MalformedPacketException("bad relay agent information option");
        }
        Optional<byte[]> uuid = option(DhcpOption.CLIENT_UUID);
        if (uuid.isPresent() && (uuid.get().length != 17 || uuid.get()[0] != 0)) {
            throw new MalformedPacketException("bad client UUID option");
        }
    }

    /** RFC 3046 §2.0: at least one sub-option, each code, length and data, exactly filling the option. */
    private static boolean subOptionsFit(byte[] data) {
        int at = 0;
        while (at + 2 <= data.length) {
            at += 2 + (data[at + 1] & 0xff);
        }
        return data.length > 0 && at == data.length;
    }

    /**
     * An address a relay agent may have: not "this network" (0/8), loopback (127/8), multicast
     * (224/4) or reserved and broadcast (240/4), where a reply to giaddr could never go.
     */
    static boolean unicast(Inet4Address address) {
        int first = address.getAddress()[0] & 0xff;
        return first != 0 && first != 127 && first < 224;
    }

    private void requireLength(int code, int length) throws MalformedPacketException {
        Optional<byte[]> value = option(code);
        if (value.isPresent() && value.get().length != length) {
            throw new MalformedPacketException("option " + code + " is not " + length + " bytes");
        }
    }

    /** The packet on the wire: options split at 255 bytes, an end option, padded to BOOTP's 300 bytes. */
    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(Math.max(MIN_REPLY, MIN_LENGTH + 1 + options.stream()
                .mapToInt(o -> o.length() + 2 * (1 + o.length() / 255)).sum()));
        out.put((byte) op).put((byte) htype).put((byte) hlen).put((byte) hops).putInt(xid)
                .putShort((short) secs).putShort((short) flags)
                .put(ciaddr.getAddress()).put(yiaddr.getAddress()).put(siaddr.getAddress()).put(giaddr.getAddress())
                .put(chaddr).put(sname).put(file).put(COOKIE);
        for (DhcpOption option : options) {
            int at = 0;
            do {
                int chunk = Math.min(255, option.length() - at);
                out.put((byte) option.code()).put((byte) chunk);
                for (int i = 0; i < chunk; i++) {
                    out.put(option.byteAt(at + i));
                }
                at += chunk;
            } while (at < option.length());
        }
        out.put((byte) DhcpOption.END);
        return out.array();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DhcpPacket p && Arrays.equals(p.encode(), encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "DhcpPacket[op=" + op + ", xid=" + Integer.toHexString(xid) + ", type=" + messageType()
                + ", chaddr=" + java.util.HexFormat.of().formatHex(chaddr, 0, hlen) + ", options=" + options + "]";
    }

    /** Field bytes as ASCII up to the first NUL. */
    static String text(byte[] field) {
        int end = 0;
        while (end < field.length && field[end] != 0) {
            end++;
        }
        return new String(field, 0, end, StandardCharsets.US_ASCII);
    }

    /** A NUL-padded field from text; empty when it does not fit (the caller must check). */
    static Optional<byte[]> field(String text, int size) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return bytes.length >= size ? Optional.empty() : Optional.of(Arrays.copyOf(bytes, size));
    }

    public static Inet4Address address(byte[] bytes) {
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException | ClassCastException e) {
            throw new IllegalArgumentException("not four bytes: " + bytes.length);
        }
    }

    private static Inet4Address address(ByteBuffer in) {
        byte[] bytes = new byte[4];
        in.get(bytes);
        return address(bytes);
    }

    private static byte[] fixed(byte[] value, int size, String name) {
        if (value.length > size) {
            throw new IllegalArgumentException(name + " longer than " + size + " bytes");
        }
        return Arrays.copyOf(value, size);
    }
}
