package org.confluentcollective.cli.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;

/**
 * As the original tools: a request naming several attributes of which some are invalid shows or
 * changes the valid ones, then reports the invalid ones and fails. confluentd refuses such a
 * request whole (400 naming the first invalid attribute, nothing done); the request is sent
 * again without it until confluentd accepts it, so what is done is still one request, all or
 * nothing, and only names confluentd itself refused are left out.
 */
public final class InvalidAttributes {

    /** One try with the names left. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run(List<String> names) throws ApiException, ConnectionException, CliException;
    }

    /** The outcome: the last attempt's result and the refusals of the names left out, in order. */
    public record Outcome<T>(T result, List<String> refusals) {
    }

    private InvalidAttributes() {
    }

    /**
     * Runs {@code attempt} with {@code names}, then without each one confluentd refuses as
     * invalid; a refusal of another kind, or of the last name left, is thrown as is.
     */
    public static <T> Outcome<T> leaveOut(List<String> names, Attempt<T> attempt)
            throws ApiException, ConnectionException, CliException {
        List<String> left = new ArrayList<>(names);
        List<String> refusals = new ArrayList<>();
        while (true) {
            try {
                return new Outcome<>(attempt.run(List.copyOf(left)), refusals);
            } catch (ApiException e) {
                Optional<String> invalid = left.size() > 1 ? invalidName(e, left) : Optional.empty();
                if (invalid.isEmpty()) {
                    throw e;
                }
                refusals.add(invalid.get());
                left.remove(invalid.get());
            }
        }
    }

    /** The name a 400 says is invalid ({@code foo.bar attribute is invalid}), if it is one of {@code names}. */
    static Optional<String> invalidName(ApiException e, List<String> names) {
        if (e.status() != 400 || e.getMessage() == null) {
            return Optional.empty();
        }
        for (String name : names) {
            if (e.getMessage().equals(name + " attribute is invalid")
                    || e.getMessage().equals("'" + name + "' is not a valid attribute name")) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
