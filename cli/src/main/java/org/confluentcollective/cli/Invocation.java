package org.confluentcollective.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.confluentcollective.cli.output.Output;
import org.confluentcollective.cli.transport.ApiClient;
import org.confluentcollective.cli.transport.ConnectionException;

/** One run of confluentctl: its output, its environment, and the connection, opened on first use. */
public final class Invocation implements AutoCloseable {

    private final Environment environment;
    private final ConnectionOptions options;
    private Connector connector;
    private final Output output;
    private ApiClient api;

    Invocation(Environment environment, ConnectionOptions options, Output output) {
        this.environment = environment;
        this.options = options;
        this.connector = new Connector(options, environment);
        this.output = output;
    }

    /** From now on a password that is not in the environment fails the connection instead of being asked for. */
    public void neverPrompt() {
        connector = new Connector(options, environment.withoutPrompts());
    }

    public ApiClient api() throws CliException, ConnectionException {
        if (api == null) {
            api = connector.connect(output.err(), output.mapper());
        }
        return api;
    }

    public Output output() {
        return output;
    }

    public ObjectMapper mapper() {
        return output.mapper();
    }

    public Environment environment() {
        return environment;
    }

    @Override
    public void close() {
        if (api != null) {
            api.close();
        }
    }
}
