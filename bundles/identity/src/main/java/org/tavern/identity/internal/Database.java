package org.tavern.identity.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.identity.StoreException;

/**
 * The Store: a HikariCP pool over H2 (default, a file in {@code <home>/data/}) or PostgreSQL, the
 * schema brought up to date at start, and transactions that are committed before they return.
 *
 * <p>H2 is opened with {@code WRITE_DELAY 0}: each commit is written to the database file before
 * the call returns (so it survives a killed process; H2 does not force it to the disk, so an
 * operating-system crash or power cut can still lose the last commits). Writes to H2 are also
 * serialised: cheap at a game server's write rate, and each commit then writes its own store
 * version whatever an H2 release does with overlapping commits (some skip the write of a commit
 * that overlaps another one in progress).
 * PostgreSQL's commit is durable (fsync) before it returns, with its default settings.
 *
 * <p>Immediate, so the database is opened (and a bad configuration reported) when the server starts.
 */
@Component(service = Database.class, immediate = true, configurationPid = StoreConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StoreConfig.class)
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    enum Dialect { H2, POSTGRESQL }

    /** What a transaction does; SQL errors become {@link StoreException}s naming {@code what}. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The connection settings, with defaults filled in. */
    record Settings(String url, String user, String password, int poolSize, int connectTimeoutSeconds,
            String instance, int cacheRecentMax) {

        Settings {
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("url is empty");
            }
            if (poolSize < 1 || poolSize > 100) {
                throw new IllegalArgumentException("pool.size must be 1 to 100: " + poolSize);
            }
            if (connectTimeoutSeconds < 1) {
                throw new IllegalArgumentException("connect.timeout.seconds must be at least 1: " + connectTimeoutSeconds);
            }
            if (cacheRecentMax < 0) {
                throw new IllegalArgumentException("cache.recent.max must not be negative: " + cacheRecentMax);
            }
            user = user == null ? "" : user;
            password = password == null ? "" : password;
            instance = instance == null ? "" : instance;
        }

        static Settings of(String url) {
            return new Settings(url, "", "", 4, 10, "", 1000);
        }

        static Settings from(StoreConfig config, Path home) {
            String url = config.url().isBlank() ? defaultUrl(home) : config.url().trim();
            String instance = config.instance().isBlank() && dialectOf(url) == Dialect.POSTGRESQL
                    ? defaultInstance(home) : config.instance().trim();
            return new Settings(url, config.user(), config.password(), config.pool_size(),
                    config.connect_timeout_seconds(), instance, config.cache_recent_max());
        }

        /**
         * The instance name of a server sharing a database that was given none: its host and home
         * folder, the same at every start (its records a crash left open are found again) and
         * different for each server (one server's restart never ends another's games).
         */
        static String defaultInstance(Path home) {
            String host;
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "localhost";
            }
            String name = host + ":" + home.toAbsolutePath().normalize();
            return name.length() <= 255 ? name : name.substring(name.length() - 255);
        }

        static String defaultUrl(Path home) {
            return "jdbc:h2:file:" + home.toAbsolutePath().normalize().resolve("data").resolve("tavern");
        }
    }

    private final Settings settings;
    private final Dialect dialect;
    private final HikariDataSource pool;
    /** Held by every H2 write transaction (null for PostgreSQL). */
    private final ReentrantLock h2Writes;
    private final StoreChanges changes = new StoreChanges();
    /** Other servers' change announcements (PostgreSQL only; null for H2). */
    private final AutoCloseable changeListener;

    @Activate
    public Database(BundleContext context, StoreConfig config) {
        this(Settings.from(config, Path.of(homeOf(context))));
    }

    Database(Settings settings) {
        this.settings = settings;
        this.dialect = dialectOf(settings.url());
        this.h2Writes = dialect == Dialect.H2 ? new ReentrantLock() : null;
        DataSource source = dialect == Dialect.H2 ? h2(settings) : PostgresSource.create(settings);
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setPoolName("tavern-identity");
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(settings.connectTimeoutSeconds() * 1000L);
        config.setInitializationFailTimeout(settings.connectTimeoutSeconds() * 1000L);
        config.setAutoCommit(true);
        HikariDataSource opened;
        try {
            opened = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the database " + redacted(settings.url()) + userText(settings)
                    + ": " + rootMessage(e), e);
        }
        this.pool = opened;
        try (Connection c = pool.getConnection()) {
            if (dialect == Dialect.H2) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET WRITE_DELAY 0");
                }
            }
            int applied = Migrations.migrate(c);
            LOG.info("Store open: {} ({} connections at most){}", redacted(settings.url()), settings.poolSize(),
                    applied == 0 ? ", schema up to date" : ", " + applied + " migrations applied");
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new StoreException("cannot prepare the database " + redacted(settings.url()) + ": " + rootMessage(e), e);
        }
        try {
            changeListener = dialect == Dialect.POSTGRESQL
                    ? PostgresSource.listenForChanges(source, changes, redacted(settings.url())) : null;
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new StoreException("cannot listen for other servers' changes on " + redacted(settings.url()) + ": "
                    + rootMessage(e), e);
        }
    }

    @Deactivate
    public void close() {
        if (changeListener != null) {
            try {
                changeListener.close();
            } catch (Exception e) {
                LOG.warn("Closing the change listener of {}: {}", redacted(settings.url()), e.toString());
            }
        }
        pool.close();
        LOG.info("Store closed: {}", redacted(settings.url()));
    }

    Settings settings() {
        return settings;
    }

    Dialect dialect() {
        return dialect;
    }

    /** Follows other servers' changes of {@code topic} (a no-op with H2: no other server shares it). */
    void subscribe(String topic, StoreChanges.Listener listener) {
        changes.subscribe(topic, listener);
    }

    /**
     * Inside a write transaction: tells the other servers sharing the database that the cached
     * entity {@code key} of {@code topic} changed, once (and only if) the transaction commits.
     */
    void announce(Connection connection, String topic, String key) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            return;
        }
        try (java.sql.PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, StoreChanges.CHANNEL);
            notify.setString(2, changes.payload(topic, key));
            notify.execute();
        }
    }

    /** Runs {@code work} in one transaction, committed before this returns. */
    <T> T write(String what, Work<T> work) {
        if (h2Writes != null) {
            h2Writes.lock();
        }
        try {
            return transaction(what, work);
        } finally {
            if (h2Writes != null) {
                h2Writes.unlock();
            }
        }
    }

    /** Runs {@code work} on a connection from the pool, read only. */
    <T> T read(String what, Work<T> work) {
        try (Connection c = connection(what)) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private <T> T transaction(String what, Work<T> work) {
        try (Connection c = connection(what)) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private Connection connection(String what) {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static StoreException failure(String what, SQLException e) {
        return new StoreException(what + " failed: " + e.getMessage() + " (SQL state " + e.getSQLState() + ")", e);
    }

    static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && Migrations.UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static Dialect dialectOf(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return Dialect.H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Dialect.POSTGRESQL;
        }
        throw new IllegalArgumentException("url must start with jdbc:h2: or jdbc:postgresql:, not " + redacted(url));
    }

    private static DataSource h2(Settings settings) {
        org.h2.jdbcx.JdbcDataSource source = new org.h2.jdbcx.JdbcDataSource();
        source.setURL(settings.url());
        source.setUser(settings.user().isEmpty() ? "sa" : settings.user());
        source.setPassword(settings.password());
        return source;
    }

    private static String homeOf(BundleContext context) {
        String home = context.getProperty("tavern.home");
        return home == null || home.isBlank() ? "." : home;
    }

    /** The URL without a {@code password=} parameter, for messages. */
    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String userText(Settings settings) {
        return settings.user().isEmpty() ? "" : " as " + settings.user();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
