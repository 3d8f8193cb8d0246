package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Old log files go: with the default etc/log4j2.xml, each roll-over of logs/tavern.log deletes the
 * rolled files older than the age limit and the oldest beyond the total size limit. The roll size
 * is made tiny here, so that the server's own start-up rolls the log over a few times.
 */
class LogRetentionIT {

    @TempDir
    Path temp;

    @Test
    void rollOversDeleteFilesPastTheAgeAndTheOldestPastTheTotalSize() throws Exception {
        Path home = temp.resolve("home");
        Path logs = Files.createDirectories(home.resolve("logs"));
        Instant now = Instant.now();
        Path ancient = rolled(logs, "tavern-2020-01-01-1.log.gz", 1_000, now.minus(Duration.ofDays(400)));
        Path lastMonth = rolled(logs, "tavern-2026-01-01-1.log.gz", 1_000, now.minus(Duration.ofDays(31)));
        // recent, within the age limit: the newest are kept up to the total size (200 KB here)
        Path older = rolled(logs, "tavern-2026-02-01-1.log.gz", 150_000, now.minus(Duration.ofDays(3)));
        Path newer = rolled(logs, "tavern-2026-02-02-1.log.gz", 150_000, now.minus(Duration.ofDays(2)));
        Path notOurs = rolled(logs, "access-2020-01-01.log.gz", 1_000, now.minus(Duration.ofDays(400)));

        Map<String, String> options = Map.of("TAVERN_JAVA_OPTS",
                "-Dtavern.log.roll.size=1KB -Dtavern.log.keep.size=200KB");
        try (TavernScript tavern = new TavernScript(home, temp, options)) {
            TavernScript.Result start = tavern.run("start", "-p", "0");
            assertEquals(0, start.exitCode(), start.output());
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (Files.exists(ancient) && System.nanoTime() < end) {
                Thread.sleep(100); // the start-up's roll-overs run the deletion on the logging thread
            }
            List<String> left = names(logs);
            assertFalse(Files.exists(ancient), "400 days old: " + left);
            assertFalse(Files.exists(lastMonth), "31 days old, the default keeps 30: " + left);
            assertTrue(Files.exists(newer), "recent, within the size: " + left);
            assertFalse(Files.exists(older), "recent, but the oldest beyond 200 KB in all: " + left);
            assertTrue(Files.exists(notOurs), "only tavern-*.log.gz are Tavern's: " + left);
            assertTrue(left.stream().anyMatch(n -> n.matches("tavern-\\d{4}-\\d{2}-\\d{2}-\\d+\\.log\\.gz")
                    && !n.startsWith("tavern-2026-02-02")), "the server rolled its own log over: " + left);
            assertEquals(0, tavern.run("stop", "--now").exitCode());
        }
    }

    private static Path rolled(Path logs, String name, int bytes, Instant modified) throws Exception {
        Path file = logs.resolve(name);
        Files.write(file, new byte[bytes]);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    private static List<String> names(Path logs) throws Exception {
        try (Stream<Path> files = Files.list(logs)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
