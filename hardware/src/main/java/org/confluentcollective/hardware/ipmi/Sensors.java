package org.confluentcollective.hardware.ipmi;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.confluentcollective.hardware.bmc.BmcException;
import org.confluentcollective.hardware.bmc.BmcException.Kind;
import org.confluentcollective.hardware.bmc.Health;
import org.confluentcollective.hardware.bmc.SensorReading;
import org.metricshub.ipmi.core.coding.commands.sdr.record.FullSensorRecord;
import org.metricshub.ipmi.core.coding.commands.sdr.record.SensorRecord;
import org.metricshub.ipmi.core.coding.commands.sdr.record.SensorUnit;
import org.metricshub.ipmi.core.coding.payload.lan.NetworkFunction;

/**
 * Walks the SDR repository and reads every full (analog) sensor the BMC owns. Health comes from
 * the threshold comparison bits of Get Sensor Reading: non-critical is a warning, critical is
 * critical, non-recoverable is failed (as pyghmi reports them).
 */
final class Sensors {

    /** The BMC's slave address 0x20 as the library decodes owner ids: the 7-bit form. */
    private static final int BMC_OWNER = 0x20 >> 1;
    private static final int LAST_RECORD = 0xffff;
    private static final int SDR_HEADER = 5;
    private static final int SDR_CHUNK = 16;
    /** A BMC that loops its record ids must not keep us forever. */
    private static final int MAX_RECORDS = 2048;
    private static final int FULL_SENSOR = 0x01;
    private static final int THRESHOLD_READING = 0x01;
    /** No SDR repository, or the sensor is not there (now). */
    private static final Set<Integer> ABSENT = Set.of(0xc1, 0xcb);

    private final String bmc;
    private final IpmiSession session;

    Sensors(String bmc, IpmiSession session) {
        this.bmc = bmc;
        this.session = session;
    }

    List<SensorReading> read() throws BmcException {
        List<SensorReading> readings = new ArrayList<>();
        int reservation;
        try {
            RawCommand.Response reserved = session.send("Reserve SDR Repository", ABSENT,
                    NetworkFunction.StorageRequest, 0x22);
            reservation = reserved.unsigned(0) | reserved.unsigned(1) << 8;
        } catch (BmcException e) {
            if (e.kind() == Kind.UNSUPPORTED) {
                return readings;
            }
            throw e;
        }
        int id = 0;
        for (int count = 0; id != LAST_RECORD && count < MAX_RECORDS; count++) {
            RawCommand.Response header = getSdr(reservation, id, 0, SDR_HEADER);
            int next = header.unsigned(0) | header.unsigned(1) << 8;
            int type = header.unsigned(2 + 3);
            int length = header.unsigned(2 + 4);
            if (type == FULL_SENSOR) {
                ByteArrayOutputStream record = new ByteArrayOutputStream();
                record.write(header.data(), 2, SDR_HEADER);
                for (int offset = SDR_HEADER; offset < SDR_HEADER + length; offset += SDR_CHUNK) {
                    int size = Math.min(SDR_CHUNK, SDR_HEADER + length - offset);
                    RawCommand.Response chunk = getSdr(reservation, id, offset, size);
                    record.write(chunk.data(), 2, chunk.data().length - 2);
                }
                reading(record.toByteArray()).ifPresent(readings::add);
            }
            id = next;
        }
        return readings;
    }

    private RawCommand.Response getSdr(int reservation, int id, int offset, int count) throws BmcException {
        RawCommand.Response response = session.send("Get SDR " + id, NetworkFunction.StorageRequest, 0x23,
                (byte) reservation, (byte) (reservation >> 8), (byte) id, (byte) (id >> 8), (byte) offset, (byte) count);
        if (response.data().length < 2 + Math.min(count, 1)) {
            throw new BmcException(Kind.BMC_ERROR, bmc + ": short answer to Get SDR " + id);
        }
        return response;
    }

    private Optional<SensorReading> reading(byte[] bytes) throws BmcException {
        SensorRecord parsed;
        try {
            parsed = SensorRecord.populateSensorRecord(bytes);
        } catch (RuntimeException e) {
            throw new BmcException(Kind.BMC_ERROR, bmc + ": a sensor record cannot be decoded: " + e, e);
        }
        if (!(parsed instanceof FullSensorRecord record) || (record.getSensorOwnerId() & 0xff) != BMC_OWNER) {
            return Optional.empty();  // sensors behind other controllers need bridging
        }
        String name = record.getName().strip();
        RawCommand.Response answer;
        try {
            answer = session.send("Get Sensor Reading (" + name + ")", ABSENT, NetworkFunction.SensorRequest, 0x2d,
                    record.getSensorNumber());
        } catch (BmcException e) {
            if (e.kind() == Kind.UNSUPPORTED) {
                return Optional.empty();
            }
            throw e;
        }
        String type = words(record.getSensorType().name());
        String units = units(record.getSensorBaseUnit());
        boolean unavailable = answer.data().length < 2 || (answer.unsigned(1) & 0x20) != 0;
        if (unavailable) {
            return Optional.of(new SensorReading(name, type, null, units, Health.OK, List.of()));
        }
        Double value = record.getEventReadingType() == THRESHOLD_READING
                ? round(record.calcFormula(answer.unsigned(0))) : null;
        List<String> states = new ArrayList<>();
        Health health = Health.OK;
        if (record.getEventReadingType() == THRESHOLD_READING && answer.data().length >= 3) {
            int bits = answer.unsigned(2);
            health = threshold(bits, 0x01, "Lower non-critical", Health.WARNING, states, health);
            health = threshold(bits, 0x02, "Lower critical", Health.CRITICAL, states, health);
            health = threshold(bits, 0x04, "Lower non-recoverable", Health.FAILED, states, health);
            health = threshold(bits, 0x08, "Upper non-critical", Health.WARNING, states, health);
            health = threshold(bits, 0x10, "Upper critical", Health.CRITICAL, states, health);
            health = threshold(bits, 0x20, "Upper non-recoverable", Health.FAILED, states, health);
        }
        return Optional.of(new SensorReading(name, type, value, units, health, states));
    }

    private static Health threshold(int bits, int bit, String state, Health level, List<String> states, Health health) {
        if ((bits & bit) == 0) {
            return health;
        }
        states.add(state);
        return health.worse(level);
    }

    private static Double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** The library's enum names ("PowerSupply") as words ("Power Supply"). */
    private static String words(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1 $2");
    }

    private static String units(SensorUnit unit) {
        return switch (unit.name()) {
            case "DegreesC" -> "°C";
            case "DegreesF" -> "°F";
            case "DegreesK" -> "K";
            case "Volts" -> "V";
            case "Amps" -> "A";
            case "Watts" -> "W";
            case "Rpm" -> "RPM";
            case "Unspecified" -> "";
            default -> words(unit.name()).toLowerCase(Locale.ROOT);
        };
    }
}
