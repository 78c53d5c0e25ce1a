package org.confluentcollective.server.api;

import java.util.List;
import java.util.Optional;

/** API users, replicated with the database; passwords are stored as salted slow hashes only. */
public interface UserDirectory {

    List<UserInfo> users();

    Optional<UserInfo> user(String name);

    /** CONFLICT if the user exists; BAD_REQUEST for an invalid name or empty password. */
    void addUser(String name, Role role, char[] password);

    /** Changes the role and/or the password (null leaves it as is). NOT_FOUND if unknown. */
    void updateUser(String name, Role role, char[] password);

    void removeUser(String name);

    /** The user, when the password matches; constant-time, no hint whether the name exists. */
    Optional<UserInfo> authenticate(String name, char[] password);
}
