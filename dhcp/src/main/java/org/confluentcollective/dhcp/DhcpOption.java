package org.confluentcollective.dhcp;

import java.util.Arrays;
import java.util.HexFormat;

/** One option as it appeared in a packet: its code and its bytes (at most 255; longer ones are split). */
public record DhcpOption(int code, byte[] data) {

    public static final int PAD = 0;
    public static final int SUBNET_MASK = 1;
    public static final int ROUTER = 3;
    public static final int REQUESTED_ADDRESS = 50;
    public static final int LEASE_TIME = 51;
    public static final int OVERLOAD = 52;
    public static final int MESSAGE_TYPE = 53;
    public static final int SERVER_ID = 54;
    public static final int MAX_MESSAGE_SIZE = 57;
    public static final int VENDOR_CLASS = 60;
    public static final int CLIENT_ID = 61;
    public static final int TFTP_SERVER = 66;
    public static final int BOOTFILE = 67;
    public static final int USER_CLASS = 77;
    public static final int RELAY_AGENT = 82;
    public static final int CLIENT_ARCH = 93;
    public static final int CLIENT_NDI = 94;
    public static final int CLIENT_UUID = 97;
    public static final int END = 255;

    public DhcpOption {
        if (code <= PAD || code >= END) {
            throw new IllegalArgumentException("option code " + code + " carries no data");
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Length without a copy, for the encoder. */
    int length() {
        return data.length;
    }

    byte byteAt(int index) {
        return data[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DhcpOption o && o.code == code && Arrays.equals(o.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * code + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return code + "=" + HexFormat.of().formatHex(data);
    }
}
