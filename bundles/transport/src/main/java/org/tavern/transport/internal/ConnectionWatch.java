package org.tavern.transport.internal;

import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a second, looks at every socket for what no read or write event can tell: the deadlines of a
 * connection that has not logged in (the handshake, the {@code [version]} answer, the login), an
 * output queue that has not been empty for too long, the output queued on the whole server (for the
 * {@link MemoryBudget}), and reading paused by the per-second frame limit (resumed here). One thread
 * for the whole server; its work is a pass over the open sockets, a few microseconds each.
 */
final class ConnectionWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionWatch.class);

    private final Supplier<Limits> limits;
    private final MemoryBudget budget;
    private final NetworkEvents events;
    private final Supplier<Collection<MinaConnection>> connections;
    private final Supplier<Collection<IoSession>> sessions;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "tavern-connection-watch");
        thread.setDaemon(true);
        return thread;
    });

    ConnectionWatch(Supplier<Limits> limits, MemoryBudget budget, NetworkEvents events,
            Supplier<Collection<MinaConnection>> connections, Supplier<Collection<IoSession>> sessions) {
        this.limits = limits;
        this.budget = budget;
        this.events = events;
        this.connections = connections;
        this.sessions = sessions;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    void tick() {
        try {
            long now = System.currentTimeMillis();
            Limits bounds = limits.get();
            closeSilentSockets(now, bounds);
            long queued = 0;
            for (MinaConnection connection : connections.get()) {
                queued += watch(connection, now, bounds);
            }
            budget.queued(queued);
            events.flush();
        } catch (RuntimeException e) {
            LOG.error("The connection watch failed on one pass; it goes on", e);
        }
    }

    /** Sockets that have not completed the 4-byte handshake in time. */
    private void closeSilentSockets(long now, Limits bounds) {
        long deadline = bounds.handshakeTimeoutSeconds() * 1000L;
        for (IoSession session : sessions.get()) {
            if (MinaConnection.of(session) == null && !session.isClosing()
                    && now - session.getCreationTime() > deadline) {
                events.closed(NetworkEvents.Level.INFO, "no handshake within " + bounds.handshakeTimeoutSeconds()
                        + " s", "session " + session.getId() + " (" + session.getRemoteAddress() + ")", "");
                session.closeNow();
            }
        }
    }

    /** One connection's deadlines and queue; returns what its queue costs. */
    private long watch(MinaConnection connection, long now, Limits bounds) {
        connection.framesThisSecond.set(0);
        connection.bytesThisSecond.set(0);
        if (connection.readPaused) {
            connection.readPaused = false;
            connection.session().resumeRead();
        }
        if (!connection.isLoggedIn()) {
            long since = now - connection.connectedAt;
            if (connection.framesRead() == 0 && since > bounds.versionTimeoutSeconds() * 1000L) {
                connection.closeNow(NetworkEvents.Level.INFO,
                        "no [version] answer within " + bounds.versionTimeoutSeconds() + " s", "");
                return 0;
            }
            if (since > bounds.loginTimeoutSeconds() * 1000L) {
                connection.closeNow(NetworkEvents.Level.INFO,
                        "not logged in within " + bounds.loginTimeoutSeconds() + " s", "");
                return 0;
            }
        }
        long cost = connection.queuedCost();
        if (cost == 0) {
            connection.queueEmptyAt = now;
        } else if (now - connection.queueEmptyAt > bounds.maxQueueAgeSeconds() * 1000L) {
            connection.dropSlow(SlowReaders.Bound.QUEUE_AGE, "output queue not drained for "
                    + bounds.maxQueueAgeSeconds() + " s: the client is not reading", " (" + cost + " bytes queued)");
        }
        return cost;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
