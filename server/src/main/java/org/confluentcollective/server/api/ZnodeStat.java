package org.confluentcollective.server.api;

/**
 * A znode's metadata, the fields zkCli's {@code stat} prints.
 *
 * @param czxid          the transaction that created the znode
 * @param mzxid          the transaction that last changed its data
 * @param pzxid          the transaction that last changed its children
 * @param ctime          creation time, milliseconds since the epoch
 * @param mtime          last data change, milliseconds since the epoch
 * @param version        data version: changes counted since creation
 * @param cversion       children version: child creations and deletions counted
 * @param aversion       ACL version
 * @param ephemeralOwner the owning session of an ephemeral znode, 0 for a persistent one
 * @param dataLength     bytes of data, as stored (before masking)
 * @param numChildren    number of children
 */
public record ZnodeStat(long czxid, long mzxid, long pzxid, long ctime, long mtime, int version, int cversion,
                        int aversion, long ephemeralOwner, int dataLength, int numChildren) {
}
