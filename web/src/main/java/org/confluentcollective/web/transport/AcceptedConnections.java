package org.confluentcollective.web.transport;

import java.nio.channels.SelectableChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.util.IO;

/**
 * The connections the connectors accepted and have not closed yet. Jetty's stop closes the
 * connections it has made end points for, but not one accepted while its connector stops: a key
 * without an end point yet, or a registration queued on a selector already stopped. That
 * connection would be neither served nor closed, and its client would wait for its own timeout
 * (confluentctl: 600 s) after the member restarts; closing what is left once the server has
 * stopped tells it at once.
 */
final class AcceptedConnections implements SelectorManager.AcceptListener, AutoCloseable {

    private final Set<SelectableChannel> open = ConcurrentHashMap.newKeySet();

    @Override
    public void onAccepting(SelectableChannel channel) {
        open.add(channel);
    }

    @Override
    public void onAcceptFailed(SelectableChannel channel, Throwable cause) {
        open.remove(channel);
    }

    @Override
    public void onClosed(SelectableChannel channel) {
        open.remove(channel);
    }

    /** Closes every connection still open; only once the connectors have stopped accepting. */
    @Override
    public void close() {
        for (SelectableChannel channel : open) {
            IO.close(channel);
            open.remove(channel);
        }
    }
}
