/**
 * Read-only inspection of the raw ZooKeeper tree for administrators, with secrets masked
 * (confluentctl zk ls|get|stat|tree): {@code ZnodeInspector}, the Curator implementation of
 * {@code server.api}'s {@code ZnodeReader}.
 */
package org.confluentcollective.server.inspect;
