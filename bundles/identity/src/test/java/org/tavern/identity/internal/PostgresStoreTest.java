package org.tavern.identity.internal;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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
}
