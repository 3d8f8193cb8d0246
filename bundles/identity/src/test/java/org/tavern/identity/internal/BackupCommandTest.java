package org.tavern.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.identity.Ban;
import org.tavern.identity.GameRecord;
import org.tavern.identity.PasswordCheck;

/**
 * {@code tavern:backup} under load: a writer keeps registering accounts, adding bans and recording
 * games while the backup is taken; the backup, unzipped into an empty data folder as the admin guide
 * says, opens as a store holding every write acknowledged before the backup began.
 */
class BackupCommandTest {

    private static final PasswordHasher FAST = new PasswordHasher(64, 1, 1);
    private static final long DEADLINE_MILLIS = 60_000;

    @TempDir
    Path folder;

    @Test
    void aBackupTakenWhileWritesGoOnRestoresEveryAcknowledgedWrite() throws Exception {
        Path home = folder.resolve("home");
        Database database = new Database(Database.Settings.of(Database.Settings.defaultUrl(home)));
        AccountStore accounts = new AccountStore(database, FAST);
        BanStore bans = new BanStore(database);
        GameRecordStore games = new GameRecordStore(database);
        AtomicInteger acknowledged = new AtomicInteger();
        Map<Integer, Long> gameIds = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (int n = 0; !stop.get(); n++) {
                    accounts.create("load" + n, "", "pw" + n);
                    bans.add(Ban.of("10.8." + (n / 250) + "." + (n % 250), "load" + n, "test", "writer", "", Instant.now(), null));
                    GameRecord game = games.recordStart("game " + n, "era", "scenario", List.of("load" + n), Instant.now());
                    gameIds.put(n, game.id());
                    acknowledged.set(n + 1);
                }
            } catch (Throwable t) {
                writerFailure.set(t);
            }
        }, "backup-test-writer");
        String answer;
        int before;
        try {
            writer.start();
            awaitAcknowledged(acknowledged, 50);
            before = acknowledged.get();
            answer = new BackupCommand(database, home).backup("backups/under-load.zip");
            awaitAcknowledged(acknowledged, acknowledged.get() + 20); // the writer was not held up
        } finally {
            stop.set(true);
            writer.join(TimeUnit.SECONDS.toMillis(30));
            database.close();
        }
        assertEquals(null, writerFailure.get(), "the writer failed");
        Path backup = home.resolve("backups/under-load.zip");
        assertTrue(answer.startsWith("Store backed up to " + backup + " ("), answer);

        Path restored = folder.resolve("restored");
        Files.createDirectories(restored.resolve("data"));
        unzip(backup, restored.resolve("data"));
        assertTrue(Files.exists(restored.resolve("data/tavern.mv.db")), "the zip holds data/tavern.mv.db");
        Database reopened = new Database(Database.Settings.of(Database.Settings.defaultUrl(restored)));
        try {
            AccountStore restoredAccounts = new AccountStore(reopened, FAST);
            Set<String> banned = new BanStore(reopened).active(Instant.now()).stream().map(Ban::nickMask)
                    .collect(Collectors.toSet());
            GameRecordStore restoredGames = new GameRecordStore(reopened);
            for (int n = 0; n < before; n++) {
                assertEquals(PasswordCheck.OK, restoredAccounts.verify("load" + n, "pw" + n), "account load" + n);
                assertTrue(banned.contains("load" + n), "ban of load" + n);
                GameRecord game = restoredGames.find(gameIds.get(n)).orElseThrow(() -> new AssertionError("no game"));
                assertEquals("game " + n, game.name());
            }
        } finally {
            reopened.close();
        }
    }

    @Test
    void anExistingFileIsNeverOverwrittenAndHelpIsUsage() throws Exception {
        Path home = folder.resolve("home");
        Database database = new Database(Database.Settings.of(Database.Settings.defaultUrl(home)));
        try {
            BackupCommand command = new BackupCommand(database, home);
            Files.createDirectories(home);
            Files.writeString(home.resolve("taken.zip"), "precious");
            assertEquals("Not backed up: " + home.resolve("taken.zip") + " exists (give another name, or move it away)",
                    command.backup("taken.zip"));
            assertEquals("precious", Files.readString(home.resolve("taken.zip")));
            assertEquals(BackupCommand.USAGE, command.backup("-h"));
            assertEquals(BackupCommand.USAGE, command.backup("a.zip", "b.zip"));
            String byDefault = command.backup();
            assertTrue(byDefault.matches("Store backed up to " + java.util.regex.Pattern.quote(home.toString())
                    + "/data/backups/tavern-\\d{8}-\\d{6}\\.zip \\(\\d+ bytes, \\d+ ms\\)\\. .*"), byDefault);
            assertTrue(command.backup("it's.zip").startsWith("Store backed up to " + home.resolve("it's.zip")),
                    "a quote in the name is no SQL");
        } finally {
            database.close();
        }
    }

    private static void awaitAcknowledged(AtomicInteger acknowledged, int count) throws InterruptedException {
        long end = System.currentTimeMillis() + DEADLINE_MILLIS;
        while (acknowledged.get() < count) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("the writer acknowledged only " + acknowledged.get() + " writes, not " + count);
            }
            Thread.sleep(10);
        }
    }

    private static void unzip(Path zip, Path into) throws Exception {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                assertTrue(target.startsWith(into), "entry " + entry.getName());
                Files.copy(entries, target);
            }
        }
    }
}
