package org.confluentcollective.cli.transport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A user name and password for HTTP Basic authentication over HTTPS. */
public record Credentials(String user, String password) {

    /** The value of the {@code Authorization} header. */
    public String basicAuthorization() {
        String pair = user + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=********]";
    }
}
