package org.tavern.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tavern.identity.Account;

/**
 * The store contract on a real PostgreSQL server that this class starts (and stops). Without the
 * PostgreSQL binaries it fails, saying what to install: it is never skipped.
 */
class PostgresStoreTest extends StoreContract {

    private static PostgresCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = PostgresCluster.start(Path.of("target"));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    Database.Settings freshDatabase() throws Exception {
        return new Database.Settings(cluster.url(cluster.createDatabase()), PostgresCluster.USER,
                PostgresCluster.PASSWORD, 4, 10, "test", 1000);
    }

    /**
     * Two servers on one database: what one changes reaches the live account object the other holds
     * (its row and its attributes), also across a lost listening connection.
     */
    @Test
    void anotherServersChangesReachTheLiveObjectsHere() throws Exception {
        Database.Settings shared = freshDatabase();
        try (Closing first = new Closing(new Database(shared)); Closing second = new Closing(new Database(shared))) {
            AccountStore here = new AccountStore(first.database, FAST);
            AccountStore there = new AccountStore(second.database, FAST);
            here.create("Alice", "alice@example.org", "first-password");
            Account live = there.find("alice").orElseThrow();
            assertFalse(live.moderator());
            assertEquals(java.util.Optional.empty(), live.attributes().getString("title"));

            here.setModerator("Alice", true);
            awaitTrue(live::moderator, "the moderator flag set by the other server");
            here.find("alice").orElseThrow().attributes().putString("title", "champion");
            awaitTrue(() -> live.attributes().getString("title").equals(java.util.Optional.of("champion")),
                    "the attribute set by the other server");

            // Cut the second server's listening connection: the change made meanwhile still arrives.
            terminateListeners(first.database);
            here.setEmail("Alice", "new@example.org");
            awaitTrue(() -> "new@example.org".equals(live.email()), "the e-mail changed while the listener was cut");
            assertEquals(live, there.find("alice").orElseThrow(), "still the same live object");
        }
    }

    @Test
    void anotherServersBanChangesAreAnnouncedToItsWatchers() throws Exception {
        Database.Settings shared = freshDatabase();
        try (Closing first = new Closing(new Database(shared)); Closing second = new Closing(new Database(shared))) {
            BanStore here = new BanStore(first.database);
            BanStore there = new BanStore(second.database);
            java.util.concurrent.atomic.AtomicInteger heardThere = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger heardHere = new java.util.concurrent.atomic.AtomicInteger();
            AutoCloseable watch = there.watchOtherServers(heardThere::incrementAndGet);
            here.watchOtherServers(heardHere::incrementAndGet);

            here.add(org.tavern.identity.Ban.of("192.0.2.*", "", "spam", "admin", "", T0, null));
            awaitTrue(() -> heardThere.get() == 1, "the other server's ban");
            assertEquals(1, there.active(T0).size(), "and it is there to be read");
            here.remove("192.0.2.*", T0);
            awaitTrue(() -> heardThere.get() == 2, "the other server lifting it");
            assertEquals(0, heardHere.get(), "a server is not told of its own changes");

            watch.close();
            here.add(org.tavern.identity.Ban.of("198.51.100.1", "", "spam", "admin", "", T0, null));
            there.add(org.tavern.identity.Ban.of("198.51.100.2", "", "spam", "admin", "", T0, null));
            awaitTrue(() -> heardHere.get() == 1, "the first server hearing of the second's ban");
            assertEquals(2, heardThere.get(), "a closed watch is not called");
        }
    }

    private static void terminateListeners(Database database) {
        int terminated = database.read("terminating the change listeners", c -> {
            try (PreparedStatement kill = c.prepareStatement("SELECT count(pg_terminate_backend(pid)) FROM "
                    + "pg_stat_activity WHERE application_name = ? AND datname = current_database()")) {
                kill.setString(1, PostgresChangeListener.APPLICATION_NAME);
                try (ResultSet rs = kill.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
        assertEquals(2, terminated, "both servers' listening connections");
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private record Closing(Database database) implements AutoCloseable {
        @Override
        public void close() {
            database.close();
        }
    }
}
