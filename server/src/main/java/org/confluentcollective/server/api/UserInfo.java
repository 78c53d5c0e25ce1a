package org.confluentcollective.server.api;

/** An API user as shown to administrators; the password is never part of it. */
public record UserInfo(String name, Role role) {
}
