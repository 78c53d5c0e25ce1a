package org.confluentcollective.web;

import org.confluentcollective.server.database.NodeDatabase;
import org.confluentcollective.server.users.UserDirectory;

/**
 * TEMPORARY adapter until MemberStore is merged from main: what confluentd needs from the
 * replicated store. Replaced by MemberStore itself then.
 */
interface Store extends AutoCloseable {

    NodeDatabase nodes();

    UserDirectory users();

    static Store open(DaemonConfig config, String zooKeeperConnectString) {
        throw new UnsupportedOperationException("MemberStore is not merged into this branch yet");
    }
}
