package org.confluentcollective.server.collective;

/**
 * One member as {@code collective show} reports it.
 *
 * @param live         its liveness znode exists (its ZooKeeper session lives)
 * @param managedNodes nodes whose {@code collective.manager} names it
 */
public record MemberStatus(String name, String role, String address, String version, boolean live,
                           int managedNodes) {
}
