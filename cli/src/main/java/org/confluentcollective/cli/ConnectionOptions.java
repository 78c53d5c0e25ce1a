package org.confluentcollective.cli;

import java.nio.file.Path;
import org.confluentcollective.cli.transport.Endpoint;
import org.confluentcollective.cli.transport.Fingerprint;

/**
 * The connection settings given on the command line; each may be null, then its environment
 * variable or default applies (see {@link Connector}).
 */
public record ConnectionOptions(Path socket, Endpoint.Https host, String user, Fingerprint fingerprint) {
}
