package org.tavern.identity.internal;

import java.time.Instant;
import org.tavern.identity.Ban;

/**
 * The child process of {@link KillDurabilityTest}: registers accounts and adds bans on the H2
 * database at {@code args[0]} as fast as it can, printing {@code ok <n>} after each call returns,
 * until it is killed.
 */
public final class CrashWriter {

    private CrashWriter() {
    }

    public static void main(String[] args) {
        Database database = new Database(Database.Settings.of(args[0]));
        AccountStore accounts = new AccountStore(database, new PasswordHasher(64, 1, 1));
        BanStore bans = new BanStore(database);
        System.out.println("ready");
        System.out.flush();
        for (int n = 0; ; n++) {
            accounts.create("crash" + n, "", "pw" + n);
            bans.add(Ban.of("10.9." + (n / 250) + "." + (n % 250), "crash" + n, "test", "writer", "", Instant.now(), null));
            System.out.println("ok " + n);
            System.out.flush();
        }
    }
}
