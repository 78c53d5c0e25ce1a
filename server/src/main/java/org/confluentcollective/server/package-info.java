/**
 * The member's composition: {@code Member} starts its identity, its ZooKeeper peer
 * ({@code ZooKeeperPeer}, through zk-embedded's API), the store ({@code MemberStore}: the
 * replicated database, the collective and the member pins on one ZooKeeper client), request
 * routing, and the parts given to it from outside (hardware, the API and other services), and
 * closes them in reverse order. {@code MemberAdministration} is its
 * {@code api.CollectiveAdministration}. Everything else lives in the feature packages below; none of
 * them imports this package.
 */
package org.confluentcollective.server;
