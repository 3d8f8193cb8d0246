package org.tavern.identity.internal;

import java.nio.file.Path;
import java.time.Instant;

/** What tests in the role packages below need of the stores' package: an H2 database, quickly hashed accounts, a fixed time. */
public final class StoreFixtures {

    public static final Instant T0 = StoreContract.T0;

    private StoreFixtures() {
    }

    /** An H2 database in {@code folder}, with the server's default settings. */
    public static Database h2(Path folder) {
        return new Database(Database.Settings.of(Database.Settings.defaultUrl(folder)));
    }

    /** Accounts on {@code database} with a hasher far cheaper than the server's, so tests stay quick. */
    public static AccountStore accounts(Database database) {
        return new AccountStore(database, StoreContract.FAST);
    }
}
