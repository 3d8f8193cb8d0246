package org.tavern.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.identity.Ban;
import org.tavern.identity.PasswordCheck;

/**
 * Accounts and bans survive {@code kill -9}: a child JVM writes to an H2 file database and reports
 * each call's return; it is killed with SIGKILL right after a report, and every reported write must
 * be there when the database is opened again.
 */
class KillDurabilityTest {

    static final int ACKNOWLEDGED_BEFORE_KILL = 40;

    @TempDir
    Path folder;

    @Test
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        String url = Database.Settings.defaultUrl(folder);
        String java = System.getProperty("java.command", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), url).redirectErrorStream(true).start();
        int lastAcknowledged = -1;
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("ok ")) {
                    lastAcknowledged = Integer.parseInt(line.substring(3));
                    if (lastAcknowledged + 1 >= ACKNOWLEDGED_BEFORE_KILL) {
                        child.destroyForcibly(); // SIGKILL: no shutdown hook, no H2 close
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the writer did not die");
        }
        if (lastAcknowledged + 1 < ACKNOWLEDGED_BEFORE_KILL) {
            fail("the writer stopped after " + (lastAcknowledged + 1) + " writes:\n" + output);
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        Database database = new Database(Database.Settings.of(url));
        try {
            AccountStore accounts = new AccountStore(database, new PasswordHasher(64, 1, 1));
            BanStore bans = new BanStore(database);
            Set<String> banned = bans.active(Instant.now()).stream().map(Ban::nickMask).collect(Collectors.toSet());
            for (int n = 0; n <= lastAcknowledged; n++) {
                assertEquals(PasswordCheck.OK, accounts.verify("crash" + n, "pw" + n), "account crash" + n);
                assertTrue(banned.contains("crash" + n), "ban of crash" + n);
            }
            assertTrue(accounts.count() >= lastAcknowledged + 1);
            List<Ban> active = bans.active(Instant.now());
            assertTrue(active.size() >= lastAcknowledged + 1);
        } finally {
            database.close();
        }
    }
}
