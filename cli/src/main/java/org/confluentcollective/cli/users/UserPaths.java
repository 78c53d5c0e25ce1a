package org.confluentcollective.cli.users;

import org.confluentcollective.cli.transport.ApiPath;

/** The REST paths of users. */
final class UserPaths {

    static final String USERS = "/users/";

    private UserPaths() {
    }

    static String user(String name) {
        return USERS + ApiPath.segment(name);
    }
}
