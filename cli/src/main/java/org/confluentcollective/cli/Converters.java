package org.confluentcollective.cli;

import java.util.Arrays;
import org.confluentcollective.cli.output.OutputFormat;
import org.confluentcollective.cli.transport.Endpoint;
import org.confluentcollective.cli.transport.Fingerprint;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option value converters whose failures read as plain usage errors. */
final class Converters {

    private Converters() {
    }

    static final class HostConverter implements ITypeConverter<Endpoint.Https> {
        @Override
        public Endpoint.Https convert(String value) {
            try {
                return Endpoint.Https.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class OutputFormatConverter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            for (OutputFormat format : OutputFormat.values()) {
                if (format.toString().equalsIgnoreCase(value)) {
                    return format;
                }
            }
            throw new TypeConversionException("'" + value + "' is not one of " + Arrays.toString(OutputFormat.values()));
        }
    }

    static final class FingerprintConverter implements ITypeConverter<Fingerprint> {
        @Override
        public Fingerprint convert(String value) {
            try {
                return Fingerprint.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
