package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGHUP under {@code bin/tavern start}, as an owner's scripts send it: the server does not ignore it,
 * re-reads the {@code -c} server.cfg and {@code etc/}, and keeps running, with or without {@code -c}.
 */
class HangupSignalIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /** File Install polls etc/ only once an hour here, so only the SIGHUP can apply an etc/ edit in time. */
    private static final Map<String, String> NO_ETC_POLLING = Map.of("TAVERN_JAVA_OPTS", "-Dfelix.fileinstall.poll=3600000");

    @TempDir
    Path temp;

    @Test
    void hangupReloadsServerCfgAndEtcAndTheServerStays() throws Exception {
        Path home = temp.resolve("home");
        Files.createDirectories(home.resolve("etc"));
        Path cfg = home.resolve("server.cfg");
        Files.writeString(cfg, "motd=\"first\"\n");
        try (TavernScript tavern = new TavernScript(home, temp, NO_ETC_POLLING)) {
            int port = TavernScript.freePort();
            TavernScript.Result start = tavern.run("start", "-p", Integer.toString(port), "-c", cfg.toString());
            assertEquals(0, start.exitCode(), start.output());
            long pid = tavern.pid();
            assertHangupIsCaughtNotIgnored(pid);
            assertEquals("first", motd(port, "p1"));

            Files.writeString(cfg, "motd=\"second\"\n");
            Files.writeString(home.resolve("etc/tavern.transport.cfg"), "connections.per.address=7\n");
            TavernScript.signal("HUP", pid);
            tavern.awaitLog(log -> log.contains("SIGHUP: Reloaded " + cfg), DEADLINE, "server.cfg reload");
            tavern.awaitLog(log -> log.matches("(?s).*etc/: re-read \\d+ files \\([^)]*tavern\\.transport\\.cfg.*"), DEADLINE, "etc/ reload");
            tavern.awaitLog(log -> log.contains("7 open connections allowed per address"), DEADLINE,
                    "the transport configured from etc/");
            assertEquals("second", motd(port, "p2"));

            assertEquals(0, tavern.run("status").exitCode(), "still running after SIGHUP");
            assertEquals(pid, tavern.pid());
            assertEquals(0, tavern.run("stop", "--now").exitCode());
        }
    }

    @Test
    void withoutServerCfgHangupStillReReadsEtcAndNeverStopsTheServer() throws Exception {
        Path home = temp.resolve("home");
        try (TavernScript tavern = new TavernScript(home, temp, NO_ETC_POLLING)) {
            TavernScript.Result start = tavern.run("start", "-p", Integer.toString(TavernScript.freePort()));
            assertEquals(0, start.exitCode(), start.output());
            long pid = tavern.pid();
            assertHangupIsCaughtNotIgnored(pid);

            TavernScript.signal("HUP", pid);
            tavern.awaitLog(log -> log.contains("SIGHUP: No server.cfg: the server was started without -c."),
                    DEADLINE, "the SIGHUP reload");
            tavern.awaitLog(log -> log.contains("etc/: re-read "), DEADLINE, "etc/ reload");
            TavernScript.signal("HUP", pid);
            tavern.awaitLog(log -> log.split("SIGHUP: No server.cfg", -1).length == 3, DEADLINE, "the second SIGHUP");

            TavernScript.Result status = tavern.run("status");
            assertEquals(0, status.exitCode(), "still running after two SIGHUPs: " + status.output());
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            assertEquals(0, tavern.run("stop", "--now").exitCode());
        }
    }

    /** /proc/PID/status: SIGHUP (bit 0 of the masks) is caught by the JVM, not ignored as under nohup. */
    private static void assertHangupIsCaughtNotIgnored(long pid) throws Exception {
        String status = Files.readString(Path.of("/proc/" + pid + "/status"));
        assertEquals(0, mask(status, "SigIgn") & 1, "SIGHUP is ignored:\n" + status);
        assertEquals(1, mask(status, "SigCgt") & 1, "SIGHUP is not caught:\n" + status);
    }

    private static long mask(String procStatus, String field) {
        for (String line : procStatus.split("\n")) {
            if (line.startsWith(field + ":")) {
                return Long.parseUnsignedLong(line.substring(field.length() + 1).strip(), 16);
            }
        }
        throw new AssertionError("no " + field + " in /proc status");
    }

    /** The message of the day a new player gets. */
    private static String motd(int port, String name) throws Exception {
        try (ProtocolClient client = new ProtocolClient(name, port)) {
            client.receive();
            client.send("[version]\nversion=\"1.16.9\"\n[/version]\n");
            client.receive();
            client.send("[login]\nusername=\"" + name + "\"\n[/login]\n");
            for (org.tavern.wml.Document document : client.sync()) {
                org.tavern.wml.Node message = document.root().child("message");
                if (message != null && "motd".equals(message.attr("type"))) {
                    return message.attr("message").strip();
                }
            }
        }
        throw new AssertionError("no motd for " + name);
    }
}
