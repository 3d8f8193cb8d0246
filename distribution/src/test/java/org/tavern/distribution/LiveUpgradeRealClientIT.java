package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Wesnoth 1.16.9 client across a live upgrade: a real host, joiner and observer play test1
 * into test2 as in {@link RealClientIT}, and {@code tavern:upgrade} replaces the lobby while test1
 * runs. All three finish both scenarios, and none of their logs shows a reconnect or an error.
 */
class LiveUpgradeRealClientIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    /** What a headless client without a desktop session logs as an error every time, upgrade or not. */
    private static boolean environmentNoise(String line) {
        return line.contains("XDG_RUNTIME_DIR is invalid or not set") || line.contains("error desktop: Failed to open DBus");
    }

    @Test
    void realClientsPlayBothScenariosAcrossAnUpgradeInTheMiddleOfTheFirst() throws Exception {
        try (ServerProcess server = ServerProcess.start(temp.resolve("server"), true, "-p", "0")) {
            server.awaitStarted();
            int port = server.awaitPort();
            try (RealClient host = RealClient.start(temp, port, "host", "host.lua", Map.of())) {
                server.awaitConsole(t -> t.contains("host created game"), DEADLINE, "the game");
                try (RealClient observer = RealClient.start(temp, port, "obs", "join.lua", Map.of("ROLE", "observer"))) {
                    server.awaitConsole(t -> t.contains("obs joined game 1 as an observer"), DEADLINE, "the observer");
                    try (RealClient join = RealClient.start(temp, port, "join", "join.lua", Map.of("ROLE", "player"))) {
                        server.awaitConsole(t -> t.contains("started scenario 'test1' with 2 sides"), DEADLINE,
                                "test1 started");
                        String answer = server.shellOutput("tavern:upgrade");
                        assertTrue(answer.contains("Upgraded tavern.lobby") && answer.contains("3 connections carried over"),
                                answer);
                        String console = server.consoleText();
                        assertFalse(console.contains("the host moved on to the next scenario"),
                                "the upgrade ran in the middle of test1, not after it:\n" + console);
                        for (RealClient client : List.of(join, host, observer)) {
                            assertEquals(0, client.awaitExit(180), client.name + ":\n" + client.probeLines());
                        }
                        assertTrue(observer.probeLines().contains("tavern-probe in game"), observer.probeLines());
                        for (RealClient client : List.of(host, join, observer)) {
                            String log = client.output().toLowerCase(Locale.ROOT);
                            assertFalse(log.contains("reconnect"), client.name + " reconnected:\n" + client.output());
                            assertEquals(List.of(), client.probeLines().lines()
                                    .filter(line -> !line.startsWith("tavern-probe") && !environmentNoise(line)).toList(),
                                    client.name + " logged an error");
                        }
                    }
                }
            }
            String console = server.awaitConsole(t -> t.contains("Game 1 'Test' ended"), Duration.ofSeconds(30),
                    "the end of the game");
            int upgraded = console.indexOf("Upgraded tavern.lobby");
            assertTrue(upgraded > console.indexOf("started scenario 'test1' with 2 sides")
                    && upgraded < console.indexOf("the host moved on to the next scenario"), console);
            assertTrue(console.contains("started scenario 'test2' with 2 sides"), console);
            assertTrue(console.contains("join advanced to the next scenario"), console);
            assertTrue(console.contains("obs advanced to the next scenario"), console);
            assertFalse(console.substring(0, console.indexOf("started scenario 'test2'")).contains(" left ("),
                    "nobody left before test2 started:\n" + console);
        }
    }
}
