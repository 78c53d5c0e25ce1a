/**
 * API users: PBKDF2 password hashes and the cache of verified credentials. What transports see of
 * users ({@code UserDirectory}, {@code UserInfo}, {@code Role}) is in {@code server.api}.
 */
package org.confluentcollective.server.users;
