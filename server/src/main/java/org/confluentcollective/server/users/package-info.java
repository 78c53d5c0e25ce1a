/**
 * API users: roles, PBKDF2 password hashes and the cache of verified credentials.
 */
package org.confluentcollective.server.users;
