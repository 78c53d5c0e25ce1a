package org.confluentcollective.server.noderange;

/**
 * How many names one expansion may still spell. Ranges and bracket expansions draw on it before
 * they build anything, so an {@code x[1-1000000]} is refused at once instead of costing seconds
 * and hundreds of MB; dynamic groups expanded on the way draw on the same budget. One per
 * expansion, used by one thread.
 */
final class NameBudget {

    /**
     * Most names one noderange may spell, counting every range and every name a bracket spells
     * ({@code n[1-100000]} spells 100,000; a bracket's own items are bounded by a budget of their
     * own). Databases hold up to about 100,000 nodes (docs/benchmarks.md).
     */
    static final long LIMIT = 250_000;

    private long left = LIMIT;

    /** Takes {@code names} from the budget, or refuses the noderange naming where it ran out. */
    void spend(long names, String noderange, int column) {
        if (names > left) {
            throw new NodeRangeLimitException(noderange, column,
                    "the noderange spells more than " + LIMIT + " names, the most one noderange may spell");
        }
        left -= names;
    }
}
