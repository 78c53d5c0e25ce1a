/**
 * The replicated node database: the znode layout, the member's in-memory copy kept equal to
 * ZooKeeper (and caught up after every disconnection), optimistic transactions, inheritance and
 * the node, group and user views (docs/database.md).
 */
package org.confluentcollective.server.database;
