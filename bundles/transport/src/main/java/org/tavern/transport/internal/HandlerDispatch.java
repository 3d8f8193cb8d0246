package org.tavern.transport.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.transport.ConnectionHandler;
import org.tavern.wml.Document;

/**
 * Delivers connection events to the current {@link ConnectionHandler}, or holds frames per
 * connection while there is none (the lobby bundle being updated). Each connection's own monitor
 * orders its events; there is no lock shared by all connections.
 */
final class HandlerDispatch {

    private static final Logger LOG = LoggerFactory.getLogger(HandlerDispatch.class);

    private final Supplier<Limits> limits;
    private volatile ConnectionHandler handler;
    /** When the last handler went (nanoTime), 0 while one is bound: the start of the gap. */
    private volatile long handlerGoneAt;
    private volatile Duration lastGap;
    /**
     * Connections a handler knew that ended while none was bound, with why: the next handler is told,
     * as it may have taken over what the last one knew of them (a live upgrade). Guarded by itself,
     * also for the moments {@link #handler} changes, so that none is left behind.
     */
    private final List<Departure> departures = new ArrayList<>();

    private record Departure(MinaConnection connection, String reason) {
    }

    HandlerDispatch(Supplier<Limits> limits) {
        this.limits = limits;
    }

    /** A new handler: tell it about every open connection and hand over what was held, in order. */
    void bind(ConnectionHandler newHandler, Collection<MinaConnection> open) {
        List<Departure> departed;
        synchronized (departures) {
            handler = newHandler;
            departed = new ArrayList<>(departures);
            departures.clear();
        }
        for (Departure departure : departed) {
            tellDisconnected(newHandler, departure.connection(), departure.reason());
        }
        for (MinaConnection connection : open) {
            synchronized (connection) {
                if (handler == newHandler && connection.isOpen()) {
                    announce(connection, newHandler);
                }
            }
        }
        long gone = handlerGoneAt;
        if (gone != 0) {
            lastGap = Duration.ofNanos(System.nanoTime() - gone);
            handlerGoneAt = 0;
        }
        LOG.info("Connection handler {} bound; {} connections handed over{}", newHandler.getClass().getName(),
                open.size(), gone == 0 ? "" : "; inbound frames were held for " + lastGap.toMillis() + " ms");
    }

    /** How long frames were held between the last handler going and the next one bound; empty before. */
    Optional<Duration> lastGap() {
        return Optional.ofNullable(lastGap);
    }

    /**
     * The handler is gone: frames are held from now on. Returns once no event is being delivered to
     * it any more (each connection's monitor is passed once), so that a handler handing its state
     * over after this sees every event it was given.
     */
    void unbind(ConnectionHandler oldHandler, Collection<MinaConnection> open) {
        if (handler == oldHandler) {
            synchronized (departures) {
                handler = null;
            }
            handlerGoneAt = System.nanoTime();
            for (MinaConnection connection : open) {
                synchronized (connection) {
                    // nothing: a delivery to the old handler in progress on this connection has ended
                }
            }
            LOG.info("Connection handler {} gone; holding inbound frames until another arrives",
                    oldHandler.getClass().getName());
        }
    }

    void connected(MinaConnection connection) {
        synchronized (connection) {
            ConnectionHandler current = handler;
            if (current != null) {
                announce(connection, current);
            }
        }
    }

    void received(MinaConnection connection, Document document) {
        synchronized (connection) {
            ConnectionHandler current = handler;
            if (current != null && connection.announcedTo == current && connection.pending.isEmpty()) {
                deliver(connection, current, document);
                return;
            }
            Limits bounds = limits.get();
            long size = document.compressedOutput().length;
            if (connection.pending.size() >= bounds.maxPendingFrames()
                    || connection.pendingBytes + size > bounds.maxPendingBytes()) {
                connection.closeNow("too many frames held while no handler is available", " ("
                        + connection.pending.size() + " frames, " + connection.pendingBytes + " bytes)");
                return;
            }
            connection.pending.add(document);
            connection.pendingBytes += size;
        }
    }

    void disconnected(MinaConnection connection, String reason) {
        synchronized (connection) {
            ConnectionHandler told = connection.announcedTo;
            connection.pending.clear();
            connection.pendingBytes = 0;
            if (told == null) {
                return; // no handler ever knew it
            }
            ConnectionHandler current;
            synchronized (departures) {
                current = handler;
                if (current == null) {
                    departures.add(new Departure(connection, reason)); // for the next handler
                    return;
                }
            }
            // The current handler, also when the connection was announced to an earlier one: it may
            // have taken that one's state over; one that never heard of the connection ignores it.
            tellDisconnected(current, connection, reason);
        }
    }

    private static void tellDisconnected(ConnectionHandler current, MinaConnection connection, String reason) {
        try {
            current.disconnected(connection, reason);
        } catch (RuntimeException e) {
            LOG.error("Handler failed on disconnect of {}", connection, e);
        }
    }

    /** Caller holds the connection's monitor. */
    private void announce(MinaConnection connection, ConnectionHandler current) {
        if (connection.announcedTo != current) {
            connection.announcedTo = current;
            try {
                current.connected(connection);
            } catch (RuntimeException e) {
                LOG.error("Handler failed on connect of {}", connection, e);
                connection.closeNow("internal error while accepting the connection", "");
                return;
            }
        }
        while (!connection.pending.isEmpty() && connection.announcedTo == current) {
            Document held = connection.pending.poll();
            connection.pendingBytes -= held.compressedOutput().length;
            deliver(connection, current, held);
        }
    }

    private void deliver(MinaConnection connection, ConnectionHandler current, Document document) {
        try {
            current.received(connection, document);
        } catch (RuntimeException e) {
            // One connection's bad message must not take down the others: log and drop that one.
            LOG.error("Handler failed on a document from {}; closing it", connection, e);
            connection.closeNow("internal error while handling a message", "");
        }
    }
}
