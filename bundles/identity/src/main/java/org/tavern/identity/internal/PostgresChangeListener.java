package org.tavern.identity.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on {@link StoreChanges#CHANNEL} over a connection of its own (outside the pool, which it
 * would otherwise hold a slot of for ever) and hands what it hears to {@link StoreChanges}. A lost
 * connection is opened again with a growing pause (1 s to 30 s); after each reconnection the caches
 * re-read what they hold, since announcements made meanwhile are gone.
 *
 * <p>Only loaded for a PostgreSQL store: the driver's packages are an optional import.
 */
final class PostgresChangeListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresChangeListener.class);
    static final String APPLICATION_NAME = "tavern-identity-changes";
    private static final int POLL_MILLIS = 500;
    private static final long MAX_PAUSE_MILLIS = 30_000;

    private final DataSource source;
    private final StoreChanges changes;
    private final String url;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection connection;

    PostgresChangeListener(DataSource source, StoreChanges changes, String redactedUrl) {
        this.source = source;
        this.changes = changes;
        this.url = redactedUrl;
        this.thread = new Thread(this::run, APPLICATION_NAME);
        thread.setDaemon(true);
    }

    /** Starts listening; returns once the first LISTEN is in place, so no later commit is missed. */
    void start() throws SQLException {
        connection = listen();
        thread.start();
    }

    private Connection listen() throws SQLException {
        Connection opened = source.getConnection();
        try (Statement statement = opened.createStatement()) {
            statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
            statement.execute("LISTEN " + StoreChanges.CHANNEL);
        } catch (SQLException e) {
            opened.close();
            throw e;
        }
        return opened;
    }

    private void run() {
        long pause = 1000;
        while (!closed) {
            try {
                if (connection == null) {
                    connection = listen();
                    LOG.info("Listening again for other servers' changes on {}; re-reading cached entities", url);
                    changes.missedSome();
                    pause = 1000;
                }
                PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(POLL_MILLIS);
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        changes.received(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn("Lost the change listener's connection to {} ({}); trying again in {} s", url, e.getMessage(),
                        pause / 1000);
                closeQuietly();
                try {
                    Thread.sleep(pause); // a pause between reconnection attempts, not a wait for state
                } catch (InterruptedException interrupted) {
                    return;
                }
                pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
            }
        }
    }

    private void closeQuietly() {
        Connection current = connection;
        connection = null;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException ignored) {
                // the connection is broken already; nothing more to release
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly();
    }
}
