package org.confluentcollective.server.noderange;

import org.confluentcollective.server.api.NodeRangeException;

/**
 * A noderange names something that is neither a node nor a group in the member's copy. For a
 * change, the caller may ask the collective before believing it (the copy may lag a moment).
 */
public final class UnknownNameException extends NodeRangeException {

    public UnknownNameException(String noderange, int column, String problem) {
        super(noderange, column, problem);
    }
}
