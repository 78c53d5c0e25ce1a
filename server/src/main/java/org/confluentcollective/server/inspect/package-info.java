/**
 * Read-only inspection of the raw ZooKeeper tree for administrators, with secrets masked
 * (confluentctl zk ls|get|stat|tree).
 */
package org.confluentcollective.server.inspect;
