package org.tavern.transport;

import org.osgi.annotation.versioning.ConsumerType;
import org.tavern.wml.Document;

/**
 * Receives connections and their documents (a whiteboard service: the lobby registers one). While
 * no handler is registered, frames are held per connection (bounded) and delivered in order to the
 * next handler; connections are never closed because the handler went away.
 *
 * <p>A handler that registers is told {@link #connected} for every connection already open, then
 * receives what was held. Calls for one connection come one at a time and in order, on that
 * connection's shard thread: a handler must hand work off quickly and never block.
 */
@ConsumerType
public interface ConnectionHandler {

    void connected(Connection connection);

    /** A complete, parsed, non-empty document received from {@code connection}. */
    void received(Connection connection, Document document);

    void disconnected(Connection connection, String reason);
}
