package org.confluentcollective.server.database;

/** An API user as stored in its znode: the role name and the salted password hash. */
public record UserRecord(String role, String passwordHash) {
}
