package org.confluentcollective.web;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import org.confluentcollective.server.api.ManagerAssignment;
import org.confluentcollective.server.api.NodeOperation;
import org.confluentcollective.server.api.NodeOperations;
import org.confluentcollective.server.api.NodeResult;
import org.confluentcollective.server.api.QuorumStatus;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.api.UnmanagedNodes;
import org.confluentcollective.server.api.CollectiveView;
import org.confluentcollective.server.api.NodeDatabase;
import org.confluentcollective.server.api.UserDirectory;
import org.confluentcollective.web.api.ApiApplication;
import org.confluentcollective.server.api.CollectiveAdministration;

/** The API as the web-layer tests serve it: no raw ZooKeeper reads, no managers to lose, no node operations. */
final class TestApplications {

    static final ManagerAssignment NO_MANAGERS = new ManagerAssignment() {
        @Override
        public UnmanagedNodes unmanaged() {
            return new UnmanagedNodes(List.of(), "");
        }

        @Override
        public int rebalance() {
            throw RequestException.conflict("this API runs without a collective: there is nothing to rebalance");
        }
    };

    /** Each node-operation path is a 404. */
    static final NodeOperations NO_NODE_OPERATIONS = new NodeOperations() {
        @Override
        public boolean handles(NodeOperation operation) {
            return false;
        }

        @Override
        public List<String> resources() {
            return List.of();
        }

        @Override
        public SortedMap<String, NodeResult> run(NodeOperation operation, List<String> nodes, boolean forwarded) {
            return Collections.emptySortedMap();
        }
    };

    private TestApplications() {
    }

    static ApiApplication of(NodeDatabase database, UserDirectory users, QuorumStatus quorum,
                             CollectiveView collective, CollectiveAdministration administration) {
        return ApiApplication.builder().database(database).users(users).quorum(quorum).collective(collective)
                .administration(administration).managers(NO_MANAGERS).operations(NO_NODE_OPERATIONS)
                .version("0.1.0").build();
    }
}
