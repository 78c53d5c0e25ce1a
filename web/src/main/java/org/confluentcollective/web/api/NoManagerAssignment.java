package org.confluentcollective.web.api;

import java.util.List;
import org.confluentcollective.server.api.ManagerAssignment;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.api.UnmanagedNodes;

/** An API served without a collective store (tests of the web layer): no node has a manager to lose. */
final class NoManagerAssignment implements ManagerAssignment {

    @Override
    public UnmanagedNodes unmanaged() {
        return new UnmanagedNodes(List.of(), "");
    }

    @Override
    public int rebalance() {
        throw RequestException.conflict("this API runs without a collective: there is nothing to rebalance");
    }
}
