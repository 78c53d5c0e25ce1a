package org.confluentcollective.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.confluentcollective.cli.transport.ApiClient;
import org.confluentcollective.cli.transport.CertificatePinning;
import org.confluentcollective.cli.transport.ConnectionException;
import org.confluentcollective.cli.transport.Credentials;
import org.confluentcollective.cli.transport.Endpoint;
import org.confluentcollective.cli.transport.Fingerprint;
import org.confluentcollective.cli.transport.KnownHosts;

/**
 * Chooses the transport and credentials: {@code --socket} wins, then {@code --host} or
 * {@code CONFLUENT_HOST} (HTTPS), then {@code CONFLUENT_SOCKET} or the default socket.
 */
final class Connector {

    static final Path DEFAULT_SOCKET = Path.of("/var/run/confluent-collective/api.sock");
    static final String SOCKET_VARIABLE = "CONFLUENT_SOCKET";
    static final String HOST_VARIABLE = "CONFLUENT_HOST";
    static final String USER_VARIABLE = "CONFLUENT_USER";
    static final String PASSWORD_VARIABLE = "CONFLUENT_PASSWORD";
    /** The original tools' name for the password. */
    static final String PASSPHRASE_VARIABLE = "CONFLUENT_PASSPHRASE";
    static final String FINGERPRINT_VARIABLE = "CONFLUENT_FINGERPRINT";

    private final ConnectionOptions options;
    private final Environment environment;

    Connector(ConnectionOptions options, Environment environment) {
        this.options = options;
        this.environment = environment;
    }

    ApiClient connect(PrintWriter notices, ObjectMapper mapper) throws CliException, ConnectionException {
        Endpoint endpoint = endpoint();
        if (endpoint instanceof Endpoint.Https https) {
            CertificatePinning pinning = new CertificatePinning(https.authority(), fingerprint(),
                    KnownHosts.inHome(environment.home()), notices);
            return ApiClient.overHttps(https, credentials(https), pinning, mapper, notices);
        }
        return ApiClient.overUnixSocket((Endpoint.UnixSocket) endpoint, mapper, notices);
    }

    Endpoint endpoint() throws CliException {
        if (options.socket() != null) {
            return new Endpoint.UnixSocket(options.socket());
        }
        if (options.host() != null) {
            return options.host();
        }
        Optional<String> host = environment.variable(HOST_VARIABLE);
        if (host.isPresent() && host.get().startsWith("/")) {
            return new Endpoint.UnixSocket(Path.of(host.get())); // as the original: a path is its socket
        }
        if (host.isPresent()) {
            try {
                return Endpoint.Https.parse(host.get());
            } catch (IllegalArgumentException e) {
                throw new CliException(HOST_VARIABLE + ": " + e.getMessage());
            }
        }
        return new Endpoint.UnixSocket(environment.variable(SOCKET_VARIABLE).map(Path::of).orElse(DEFAULT_SOCKET));
    }

    /** Without a user name no credentials are sent; the server then answers 401 and the user is told. */
    private Optional<Credentials> credentials(Endpoint.Https https) throws CliException {
        Optional<String> user = Optional.ofNullable(options.user()).or(() -> environment.variable(USER_VARIABLE));
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> password = environment.variable(PASSWORD_VARIABLE)
                .or(() -> environment.variable(PASSPHRASE_VARIABLE));
        String secret = password.isPresent() ? password.get()
                : environment.prompter().readSecret("Password for " + user.get() + "@" + https.host() + ": ",
                        "set " + PASSWORD_VARIABLE + " instead");
        return Optional.of(new Credentials(user.get(), secret));
    }

    private Optional<Fingerprint> fingerprint() throws CliException {
        if (options.fingerprint() != null) {
            return Optional.of(options.fingerprint());
        }
        Optional<String> text = environment.variable(FINGERPRINT_VARIABLE);
        try {
            return text.map(Fingerprint::parse);
        } catch (IllegalArgumentException e) {
            throw new CliException(FINGERPRINT_VARIABLE + ": " + e.getMessage());
        }
    }
}
