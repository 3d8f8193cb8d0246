package org.tavern.identity.internal;

import javax.sql.DataSource;
import org.tavern.identity.StoreException;

/**
 * PostgreSQL's DataSource, in a class of its own: the driver's packages are an optional import, so
 * a server without the driver bundle fails here, with a message, only when configured for it.
 */
final class PostgresSource {

    private PostgresSource() {
    }

    static DataSource create(Database.Settings settings) {
        try {
            return Driver.create(settings);
        } catch (NoClassDefFoundError e) {
            throw new StoreException("url " + Database.redacted(settings.url())
                    + " needs the PostgreSQL JDBC driver (bundle org.postgresql.jdbc), which is not installed", e);
        }
    }

    /** Starts listening for other servers' change announcements (see {@link StoreChanges}). */
    static AutoCloseable listenForChanges(DataSource source, StoreChanges changes, String redactedUrl)
            throws java.sql.SQLException {
        PostgresChangeListener listener = new PostgresChangeListener(source, changes, redactedUrl);
        listener.start();
        return listener;
    }

    private static final class Driver {
        static DataSource create(Database.Settings settings) {
            org.postgresql.ds.PGSimpleDataSource source = new org.postgresql.ds.PGSimpleDataSource();
            source.setURL(settings.url());
            if (!settings.user().isEmpty()) {
                source.setUser(settings.user());
            }
            if (!settings.password().isEmpty()) {
                source.setPassword(settings.password());
            }
            return source;
        }
    }
}
