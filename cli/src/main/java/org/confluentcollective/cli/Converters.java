package org.confluentcollective.cli;

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
