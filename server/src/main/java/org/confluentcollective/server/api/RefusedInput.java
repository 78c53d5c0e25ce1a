package org.confluentcollective.server.api;

/**
 * Marks a refusal that is bad input whatever the database holds (a noderange refused for its
 * cost, for example), so transports answer it as a bad request even where the same exception
 * type otherwise means "not found".
 */
public interface RefusedInput {
}
