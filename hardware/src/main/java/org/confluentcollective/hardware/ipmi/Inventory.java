package org.confluentcollective.hardware.ipmi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.confluentcollective.hardware.bmc.BmcException;
import org.confluentcollective.hardware.bmc.BmcException.Kind;
import org.confluentcollective.hardware.bmc.InventoryItem;
import org.metricshub.ipmi.core.coding.commands.IpmiVersion;
import org.metricshub.ipmi.core.coding.commands.fru.GetFruInventoryAreaInfo;
import org.metricshub.ipmi.core.coding.commands.fru.GetFruInventoryAreaInfoResponseData;
import org.metricshub.ipmi.core.coding.commands.fru.ReadFruData;
import org.metricshub.ipmi.core.coding.commands.fru.ReadFruDataResponseData;
import org.metricshub.ipmi.core.coding.commands.fru.record.BoardInfo;
import org.metricshub.ipmi.core.coding.commands.fru.record.FruRecord;
import org.metricshub.ipmi.core.coding.commands.fru.record.ProductInfo;
import org.metricshub.ipmi.core.coding.payload.lan.NetworkFunction;
import org.metricshub.ipmi.core.coding.protocol.AuthenticationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system (FRU 0 and the system GUID) and the BMC (Get Device ID), with the property names
 * the original (pyghmi) uses. A BMC without FRU 0 or a GUID still gives the rest.
 */
final class Inventory {

    private static final Logger LOG = LoggerFactory.getLogger(Inventory.class);
    private static final int FRU_CHUNK = 16;

    private final String bmc;
    private final IpmiSession session;

    Inventory(String bmc, IpmiSession session) {
        this.bmc = bmc;
        this.session = session;
    }

    InventoryItem system() throws BmcException {
        Map<String, String> information = new LinkedHashMap<>();
        boolean present = false;
        try {
            for (FruRecord record : fru0()) {
                if (record instanceof ProductInfo product) {
                    put(information, "Manufacturer", product.getManufacturerName());
                    put(information, "Product name", product.getProductName());
                    put(information, "Model", product.getProductModelNumber());
                    put(information, "Hardware Version", product.getProductVersion());
                    put(information, "Serial Number", product.getProductSerialNumber());
                    put(information, "Asset Number", product.getAssetTag());
                    present = true;
                } else if (record instanceof BoardInfo board) {
                    put(information, "Board manufacturer", board.getBoardManufacturer());
                    put(information, "Board product name", board.getBoardProductName());
                    put(information, "Board serial number", board.getBoardSerialNumber());
                    put(information, "Board model", board.getBoardPartNumber());
                    present = true;
                }
            }
        } catch (BmcException e) {
            rethrowIfUnreachable(e, "FRU 0");
        }
        try {
            RawCommand.Response guid = session.send("Get System GUID", NetworkFunction.ApplicationRequest, 0x37);
            if (guid.data().length >= 16) {
                information.put("UUID", uuid(guid.data()));
            }
        } catch (BmcException e) {
            rethrowIfUnreachable(e, "the system GUID");
        }
        return new InventoryItem("System", present, information);
    }

    InventoryItem controller() throws BmcException {
        RawCommand.Response id = session.send("Get Device ID", NetworkFunction.ApplicationRequest, 0x01);
        if (id.data().length < 11) {
            throw new BmcException(Kind.BMC_ERROR, bmc + ": the answer to Get Device ID is " + id.data().length
                    + " bytes, expected 11");
        }
        Map<String, String> information = new LinkedHashMap<>();
        // major in binary, minor in BCD ("9.08")
        information.put("Firmware version", (id.unsigned(2) & 0x7f) + "." + String.format("%02x", id.unsigned(3)));
        information.put("IPMI version", (id.unsigned(4) & 0x0f) + "." + (id.unsigned(4) >> 4));
        information.put("Manufacturer ID", Integer.toString(id.unsigned(6) | id.unsigned(7) << 8
                | (id.unsigned(8) & 0x0f) << 16));
        information.put("Product ID", Integer.toString(id.unsigned(9) | id.unsigned(10) << 8));
        information.put("Device revision", Integer.toString(id.unsigned(1) & 0x0f));
        return new InventoryItem("BMC", true, information);
    }

    /** SMBIOS order, as pyghmi and {@code ipmitool mc guid smbios} read it: the first three fields little-endian. */
    static String uuid(byte[] g) {
        return String.format("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                g[3], g[2], g[1], g[0], g[5], g[4], g[7], g[6], g[8], g[9], g[10], g[11], g[12], g[13], g[14], g[15]);
    }

    private List<FruRecord> fru0() throws BmcException {
        GetFruInventoryAreaInfoResponseData area = session.send("Get FRU Inventory Area Info",
                new GetFruInventoryAreaInfo(IpmiVersion.V20, session.cipherSuite(), AuthenticationType.RMCPPlus, 0),
                GetFruInventoryAreaInfoResponseData.class);
        List<ReadFruDataResponseData> chunks = new ArrayList<>();
        for (int offset = 0; offset < area.getFruInventoryAreaSize(); offset += FRU_CHUNK) {
            int count = Math.min(FRU_CHUNK, area.getFruInventoryAreaSize() - offset);
            chunks.add(session.send("Read FRU Data", new ReadFruData(IpmiVersion.V20, session.cipherSuite(),
                    AuthenticationType.RMCPPlus, 0, area.getFruUnit(), offset, count), ReadFruDataResponseData.class));
        }
        try {
            return ReadFruData.decodeFruData(chunks);
        } catch (RuntimeException e) {
            throw new BmcException(Kind.BMC_ERROR, bmc + ": FRU 0 cannot be decoded: " + e, e);
        }
    }

    private void rethrowIfUnreachable(BmcException e, String what) throws BmcException {
        if (e.kind() == Kind.UNREACHABLE) {
            throw e;
        }
        LOG.debug("{}: no {}: {}", bmc, what, e.getMessage());
    }

    private static void put(Map<String, String> information, String name, String value) {
        if (value != null && !value.isBlank()) {
            information.put(name, value.strip());
        }
    }
}
