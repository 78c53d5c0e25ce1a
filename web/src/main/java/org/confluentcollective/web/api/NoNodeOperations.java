package org.confluentcollective.web.api;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import org.confluentcollective.server.api.NodeOperation;
import org.confluentcollective.server.api.NodeOperations;
import org.confluentcollective.server.api.NodeResult;

/** No node operations at all, for an application built without them: each of their paths is a 404. */
enum NoNodeOperations implements NodeOperations {
    INSTANCE;

    @Override
    public boolean handles(NodeOperation operation) {
        return false;
    }

    @Override
    public SortedMap<String, NodeResult> run(NodeOperation operation, List<String> nodes, boolean forwarded) {
        return Collections.emptySortedMap();
    }
}
