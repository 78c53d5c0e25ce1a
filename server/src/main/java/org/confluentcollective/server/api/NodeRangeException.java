package org.confluentcollective.server.api;

/** A noderange that cannot be evaluated; the message names the offending text and its column. */
public class NodeRangeException extends IllegalArgumentException {

    private final String noderange;
    private final int column;

    public NodeRangeException(String noderange, int column, String problem) {
        super("bad noderange '" + noderange + "' at column " + column + ": " + problem);
        this.noderange = noderange;
        this.column = column;
    }

    public String noderange() {
        return noderange;
    }

    /** 1-based column of the offending text. */
    public int column() {
        return column;
    }
}
