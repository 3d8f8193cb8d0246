package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The systemd unit the build ships ({@code target/systemd/tavern.service}): systemd's own checker
 * finds nothing to say about it (an unknown key or value is only a warning there, so any output
 * fails), and it runs the jar as its own user, reloads with SIGHUP, restarts after a failure.
 */
class SystemdUnitIT {

    private static final Path UNIT = Path.of("target/systemd/tavern.service");

    @Test
    void systemdAnalyzeVerifiesItWithoutAWord() throws Exception {
        assertTrue(Files.isRegularFile(UNIT), "built: " + UNIT.toAbsolutePath());
        Process verify = new ProcessBuilder("systemd-analyze", "verify", UNIT.toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(verify.waitFor(60, TimeUnit.SECONDS), "systemd-analyze verify did not end");
        assertEquals(0, verify.exitValue(), output);
        assertEquals("", output.strip(), "systemd-analyze verify has remarks");
    }

    @Test
    void itRunsTheJarAsItsOwnUserReloadsWithHupAndRestartsOnFailure() throws Exception {
        Map<String, String> service = section(Files.readString(UNIT), "Service");
        assertEquals("simple", service.get("Type"));
        assertEquals("tavern", service.get("User"));
        assertTrue(service.get("ExecStart").matches("/usr/bin/java \\$TAVERN_JAVA_OPTS -jar /opt/tavern/tavern\\.jar"
                + " --home /var/lib/tavern \\$TAVERN_ARGS"), service.get("ExecStart"));
        assertEquals("/bin/kill -HUP $MAINPID", service.get("ExecReload"));
        assertEquals("on-failure", service.get("Restart"));
        assertEquals("143", service.get("SuccessExitStatus"), "a SIGTERM stop is a success");
        assertEquals("/var/lib/tavern", service.get("ReadWritePaths"));
    }

    /** The keys of one [section], comments and blank lines skipped. */
    private static Map<String, String> section(String unit, String name) {
        Map<String, String> keys = new LinkedHashMap<>();
        String current = null;
        for (String line : unit.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith("[")) {
                current = trimmed.substring(1, trimmed.length() - 1);
            } else if (name.equals(current)) {
                int equals = trimmed.indexOf('=');
                keys.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
            }
        }
        return keys;
    }
}
