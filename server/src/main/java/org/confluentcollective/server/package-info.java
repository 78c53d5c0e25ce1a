/**
 * The member's store: {@code MemberStore} opens the replicated database, the collective and the
 * member pins on one ZooKeeper client and closes them in reverse order. Everything else lives in
 * the feature packages below.
 */
package org.confluentcollective.server;
