package org.confluentcollective.hardware.bmc;

import java.util.List;
import java.util.Objects;

/**
 * One sensor as read now.
 *
 * @param name   as the BMC names it ({@code MB Temp}, {@code Fan 1})
 * @param type   {@code Temperature}, {@code Fan}, {@code Voltage}, {@code Power}, ... as the BMC classes it
 * @param value  the reading, or null for a sensor that only has states
 * @param units  {@code °C}, {@code RPM}, {@code V}, {@code W}, or empty
 * @param health what the BMC says of it
 * @param states the BMC's words for anything not normal (empty when ok)
 */
public record SensorReading(String name, String type, Double value, String units, Health health,
                            List<String> states) {

    public SensorReading {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(health, "health");
        states = List.copyOf(states);
    }
}
