package org.confluentcollective.server.failover;

/** One node changing manager. {@code from} is null when the node had none. */
public record Move(String node, String from, String to) {
}
