package org.confluentcollective.server.api;

import org.confluentcollective.zk.ZooKeeperRole;

/**
 * One member as {@code collective show} reports it.
 *
 * @param live         its liveness znode exists (its ZooKeeper session lives)
 * @param managedNodes nodes whose {@code collective.manager} names it
 * @param zooKeeper    its ZooKeeper peer's role: published in its liveness znode, {@code UNREACHABLE}
 *                     without one; this member's own comes straight from its peer
 */
public record MemberStatus(String name, MemberRole role, String address, String version, boolean live,
                           int managedNodes, ZooKeeperRole zooKeeper) {

    public MemberStatus withZooKeeper(ZooKeeperRole newRole) {
        return new MemberStatus(name, role, address, version, live, managedNodes, newRole);
    }
}
