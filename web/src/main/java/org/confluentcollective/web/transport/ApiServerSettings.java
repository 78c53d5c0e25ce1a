package org.confluentcollective.web.transport;

import java.nio.file.Path;

/**
 * Where the API listens.
 *
 * @param httpsAddress address to bind HTTPS to ({@code 0.0.0.0} for all)
 * @param httpsPort    0 picks a free port
 * @param socketPath   the local root socket
 */
public record ApiServerSettings(String httpsAddress, int httpsPort, Path socketPath, TlsIdentity tls) {
}
