/**
 * Starts and stops this member's in-process ZooKeeper quorum peer: its configuration files, TLS on
 * every port, failover timings, and the peer's role. The only module that knows how ZooKeeper is
 * started.
 */
package org.confluentcollective.zk;
