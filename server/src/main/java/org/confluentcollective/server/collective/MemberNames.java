package org.confluentcollective.server.collective;

import java.util.regex.Pattern;
import org.confluentcollective.server.api.RequestException;

/** Member names: what may appear in a znode name, a certificate and a noderange. */
public final class MemberNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private MemberNames() {
    }

    /** @throws RequestException BAD_REQUEST naming the rule when {@code name} breaks it */
    public static String check(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw RequestException.badRequest("invalid member name '" + name + "': use 1-63 letters, digits, "
                    + "'.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }
}
