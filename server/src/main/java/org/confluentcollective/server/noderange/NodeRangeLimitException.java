package org.confluentcollective.server.noderange;

import org.confluentcollective.server.api.NodeRangeException;
import org.confluentcollective.server.api.RefusedInput;

/**
 * A noderange refused for what it would cost, not for what it names: too long, nested too deep,
 * spelling too many names, or a regular expression the linear-time engine cannot run. The API
 * answers it 400 (a bad request whatever the database holds), other bad noderanges 404.
 */
public final class NodeRangeLimitException extends NodeRangeException implements RefusedInput {

    public NodeRangeLimitException(String noderange, int column, String problem) {
        super(noderange, column, problem);
    }
}
