package org.confluentcollective.cli.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Turns transport failures into messages that tell the administrator what to do next. */
final class Failures {

    private final Endpoint endpoint;

    Failures(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Fails early, with a precise message, when the local socket cannot possibly be used. */
    void checkSocketUsable() throws ConnectionException {
        Path path = ((Endpoint.UnixSocket) endpoint).path();
        try {
            // not Files.exists: it says false for a socket in a directory this user may not enter
            Files.readAttributes(path, BasicFileAttributes.class);
        } catch (AccessDeniedException e) {
            throw permissionDenied(e);
        } catch (IOException e) {
            throw new ConnectionException("confluentd is not running on this machine (no socket at " + path
                    + "); start it with 'systemctl start confluentd', or reach a member with --host HOST", null);
        }
        if (!Files.isWritable(path)) {
            throw permissionDenied(null);
        }
    }

    private ConnectionException permissionDenied(Throwable failure) {
        return new ConnectionException("permission denied on " + endpoint.describe()
                + ": the local socket is for root: run as root (sudo), or reach a member with --host HOST --user NAME",
                failure);
    }

    /**
     * Connecting to the local socket failed: nobody listens (a socket left by a daemon that stopped), the
     * socket is not this user's to use, or it went away since it was checked.
     */
    ConnectionException cannotConnect(Throwable failure) {
        String reason = reason(failure);
        if (failure instanceof AccessDeniedException || reason.contains("Permission denied")) {
            return permissionDenied(failure);
        }
        return new ConnectionException("cannot connect to confluentd at " + endpoint.describe() + " (" + reason
                + "); is it running? Start it with 'systemctl start confluentd', or use --host HOST", failure);
    }

    /**
     * The answer started but broke off: a streamed answer about many nodes whose server failed
     * midway (docs/api.md), or a lost connection. Not a failure to connect.
     */
    ConnectionException brokenAnswer(Throwable failure) {
        return new ConnectionException("the answer from confluentd at " + endpoint.describe()
                + " broke off before its end (" + reason(failure) + "); nothing partial is shown", failure);
    }

    /**
     * A streamed answer broke off (docs/api.md): what was printed of its first part stays printed,
     * and this error, last, says the rest is missing.
     */
    ConnectionException brokenStreamedAnswer(Throwable failure) {
        return new ConnectionException("the answer from confluentd at " + endpoint.describe()
                + " broke off before its end (" + reason(failure) + "); what is printed above is only its first part",
                failure);
    }

    /** A success status with a body that is not the JSON the contract promises. */
    ConnectionException unreadableAnswer(Throwable failure) {
        return new ConnectionException("the answer from confluentd at " + endpoint.describe()
                + " is not valid JSON (" + reason(failure) + ")", failure);
    }

    ConnectionException translate(Throwable failure) {
        UntrustedCertificateException untrusted = find(failure, UntrustedCertificateException.class);
        if (untrusted != null) {
            return new ConnectionException(changedCertificate(untrusted), failure);
        }
        String where = endpoint.describe();
        if (find(failure, UnknownHostException.class) != null) {
            return new ConnectionException("unknown host " + ((Endpoint.Https) endpoint).host(), failure);
        }
        if (find(failure, TimeoutException.class) != null) {
            return new ConnectionException("confluentd at " + where + " did not answer in time", failure);
        }
        if (endpoint instanceof Endpoint.UnixSocket) {
            if (find(failure, ConnectException.class) != null) {
                return cannotConnect(failure);
            }
            // connected: the daemon took the connection, then failed to answer
            return new ConnectionException("confluentd at " + where + " did not answer (" + reason(failure) + ")",
                    failure);
        }
        if (find(failure, ConnectException.class) != null || find(failure, NoRouteToHostException.class) != null) {
            return new ConnectionException("cannot connect to confluentd at " + where + " (" + reason(failure)
                    + "); is it running there and is that its HTTPS port?", failure);
        }
        if (find(failure, SSLException.class) != null) {
            return new ConnectionException("TLS with " + where + " failed: " + reason(failure), failure);
        }
        return new ConnectionException("connection to confluentd at " + where + " failed: " + reason(failure),
                failure);
    }

    private String changedCertificate(UntrustedCertificateException e) {
        String authority = endpoint.describe();
        String fix = e.pinnedBy().equals("--fingerprint")
                ? "Check the fingerprint given with --fingerprint (or CONFLUENT_FINGERPRINT)."
                : "If the member's certificate was legitimately replaced, delete the line for " + authority
                        + " from " + e.pinnedBy() + " and connect again.";
        return String.join(System.lineSeparator(),
                "REFUSED: the certificate of " + authority + " is NOT the one expected!",
                "  expected:  " + e.expected() + " (from " + e.pinnedBy() + ")",
                "  presented: " + e.presented(),
                "Someone may be intercepting the connection, or the member's certificate changed.",
                fix);
    }

    private static String reason(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        if (innermost instanceof EOFException) {
            return "connection closed early"; // Jetty's message is a dump of the connection's state
        }
        String message = innermost instanceof JsonProcessingException json
                ? json.getOriginalMessage() // without the location, which takes a line of its own
                : innermost.getMessage();
        if (message == null || message.isBlank()) {
            // words, not a class name
            return innermost instanceof java.nio.channels.ClosedChannelException ? "connection closed"
                    : innermost instanceof TimeoutException ? "timed out" : "no details given";
        }
        return message;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (type.isInstance(suppressed)) {
                    return type.cast(suppressed);
                }
            }
        }
        return null;
    }
}
