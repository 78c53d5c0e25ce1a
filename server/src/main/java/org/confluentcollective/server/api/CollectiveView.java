package org.confluentcollective.server.api;

/** What readers of the collective's state need: {@code collective show}. */
public interface CollectiveView {

    /** The collective as this member sees it now (or last saw it, without a quorum). */
    CollectiveStatus status();
}
