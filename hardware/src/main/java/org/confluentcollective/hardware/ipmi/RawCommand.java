package org.confluentcollective.hardware.ipmi;

import org.metricshub.ipmi.core.coding.commands.IpmiCommandCoder;
import org.metricshub.ipmi.core.coding.commands.IpmiVersion;
import org.metricshub.ipmi.core.coding.commands.ResponseData;
import org.metricshub.ipmi.core.coding.payload.CompletionCode;
import org.metricshub.ipmi.core.coding.payload.IpmiPayload;
import org.metricshub.ipmi.core.coding.payload.lan.IPMIException;
import org.metricshub.ipmi.core.coding.payload.lan.IpmiLanRequest;
import org.metricshub.ipmi.core.coding.payload.lan.IpmiLanResponse;
import org.metricshub.ipmi.core.coding.payload.lan.NetworkFunction;
import org.metricshub.ipmi.core.coding.protocol.AuthenticationType;
import org.metricshub.ipmi.core.coding.protocol.IpmiMessage;
import org.metricshub.ipmi.core.coding.security.CipherSuite;

/**
 * Any IPMI request as network function, command and data bytes: ipmi-java ships no coding for
 * Get Device ID, Chassis Identify, soft off or the boot options.
 */
final class RawCommand extends IpmiCommandCoder {

    /** The response's data bytes, after the completion code. */
    record Response(byte[] data) implements ResponseData {

        int unsigned(int index) {
            return data[index] & 0xff;
        }
    }

    private final NetworkFunction networkFunction;
    private final byte command;
    private final byte[] data;

    RawCommand(CipherSuite cipherSuite, NetworkFunction networkFunction, int command, byte... data) {
        super(IpmiVersion.V20, cipherSuite, AuthenticationType.RMCPPlus);
        this.networkFunction = networkFunction;
        this.command = (byte) command;
        this.data = data.clone();
    }

    @Override
    public byte getCommandCode() {
        return command;
    }

    @Override
    public NetworkFunction getNetworkFunction() {
        return networkFunction;
    }

    @Override
    protected IpmiPayload preparePayload(int sequenceNumber) {
        return new IpmiLanRequest(networkFunction, command, data, (byte) sequenceNumber);
    }

    @Override
    public ResponseData getResponseData(IpmiMessage message) throws IPMIException {
        IpmiLanResponse response = (IpmiLanResponse) message.getPayload();
        if (response.getCompletionCode() != CompletionCode.Ok) {
            throw new IPMIException(response.getCompletionCode());
        }
        byte[] bytes = response.getIpmiCommandData();
        return new Response(bytes == null ? new byte[0] : bytes);
    }

    @Override
    public String toString() {
        return String.format("netfn 0x%02x command 0x%02x", networkFunction.getCode(), command & 0xff);
    }
}
