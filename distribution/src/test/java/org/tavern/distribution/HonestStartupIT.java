package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up tells the truth: "Tavern started" comes only once the players' port is bound and counts
 * components as well as bundles; a port that cannot be bound ends the process with one line and
 * status 1; {@code bin/tavern start} accepts only the server it started as the one listening.
 */
class HonestStartupIT {

    @TempDir
    Path temp;

    @Test
    void theStartedLineComesAfterTheListenerAndCountsComponents() throws Exception {
        try (TavernScript tavern = new TavernScript(temp.resolve("home"), temp, Map.of())) {
            TavernScript.Result start = tavern.run("start", "-p", "0");
            assertEquals(0, start.exitCode(), start.output());
            // start returns once the server listens and its console is up; the started line may follow
            String log = tavern.awaitLog(l -> l.contains("Tavern started in "), java.time.Duration.ofSeconds(30),
                    "the started line");
            int listening = log.indexOf("Listening on port ");
            int started = log.indexOf("Tavern started in ");
            assertTrue(listening >= 0 && started > listening, "listener bound before the started line:\n" + log);
            assertTrue(log.substring(started).lines().findFirst().orElseThrow()
                    .matches("Tavern started in \\d+ ms: (\\d+) of \\1 bundles active, (\\d+) of \\2 components up, home .*"),
                    log.substring(started));
            assertEquals(0, tavern.run("stop", "--now").exitCode());
        }
    }

    @Test
    void aPortInUseEndsTheServerWithOneLineAndStatusOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
            int port = taken.getLocalPort();
            String reason = "cannot listen on port " + port + ": Address already in use";

            Path home = temp.resolve("java-home");
            try (ServerProcess server = ServerProcess.start(home, false, "-p", Integer.toString(port))) {
                assertTrue(server.process.waitFor(60, TimeUnit.SECONDS), "the server gives up");
                assertEquals(1, server.process.exitValue());
                String console = server.consoleText();
                assertTrue(console.contains("tavern: " + reason + "\n"), console);
                assertFalse(console.contains("Tavern started"), console);
            }
            String log = Files.readString(home.resolve("logs/tavern.log"));
            assertTrue(log.contains("Tavern did not start: " + reason), log);

            try (TavernScript tavern = new TavernScript(temp.resolve("script-home"), temp, Map.of())) {
                TavernScript.Result start = tavern.run("start", "-p", Integer.toString(port));
                assertEquals(1, start.exitCode(), start.output());
                assertEquals("tavern: the server exited during start: " + reason + " (more in "
                        + tavern.home.resolve("logs/console.log") + ")\n", start.output(), "one line");
                assertFalse(Files.exists(tavern.home.resolve("data/tavern.pid")));
            }
        }
    }

    /**
     * Another program listening on the port does not pass for the server: a stand-in for java writes the
     * server's log lines and idles without listening, while this test holds the port.
     */
    @Test
    void startWantsTheProcessItStartedToBeTheOneListening() throws Exception {
        Path fakeJava = temp.resolve("fake-java");
        Files.writeString(fakeJava, """
                #!/bin/sh
                # a server that says it listens, and does not
                while [ "$1" != --home ]; do shift; done
                mkdir -p "$2/logs"
                port=$(cat "$2/port")
                echo "Listening on port $port with 1 shards" >>"$2/logs/tavern.log"
                echo "Tavern started in 1 ms: 1 of 1 bundles active" >>"$2/logs/tavern.log"
                exec sleep 120
                """);
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwx------"));
        try (ServerSocket oldServer = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"));
                TavernScript tavern = new TavernScript(temp.resolve("home"), temp,
                        Map.of("JAVA", fakeJava.toString(), "TAVERN_START_TIMEOUT", "5"))) {
            int port = oldServer.getLocalPort();
            Files.createDirectories(tavern.home);
            Files.writeString(tavern.home.resolve("port"), Integer.toString(port));
            TavernScript.Result start = tavern.run("start", "-p", Integer.toString(port));
            assertEquals(1, start.exitCode(), start.output());
            assertTrue(start.output().contains("tavern: port " + port
                    + " accepts connections, but not from the server just started (pid "), start.output());
            assertFalse(start.output().contains("Tavern started (pid"), start.output());
        }
    }
}
