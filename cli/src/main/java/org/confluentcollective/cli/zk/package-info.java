/**
 * zk ls, get, stat, tree and the ZooKeeper shell on the local member.
 */
package org.confluentcollective.cli.zk;
