package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.distribution.RealClient.Release;

/**
 * The real Wesnoth 1.18.5 client (Debian 13's, run in the chroot of {@link TrixieChroot}) against
 * tavern.jar, with the same Lua plugins as the 1.16.9 client of {@link RealClientIT}.
 */
class RealClientV118IT {

    @TempDir
    Path temp;

    @Test
    void realHostJoinerAndObserver118GoThroughBothScenarios() throws Exception {
        Path home = temp.resolve("server");
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/tavern.lobby.cfg"), "versions.accepted=1.18.*,test\n");
        try (ServerProcess server = ServerProcess.start(home, false, "-p", "0")) {
            server.awaitStarted();
            server.awaitConsole(t -> t.contains("configuration applied from tavern.lobby"), Duration.ofSeconds(30),
                    "the lobby configuration");
            int port = server.awaitPort();
            try (RealClient host = RealClient.start(Release.V1_18, temp, port, "host", "host.lua", Map.of())) {
                server.awaitConsole(t -> t.contains("host created game"), Duration.ofSeconds(90), "the game");
                try (RealClient observer = RealClient.start(Release.V1_18, temp, port, "obs", "join.lua",
                        Map.of("ROLE", "observer"))) {
                    server.awaitConsole(t -> t.contains("obs joined game 1 as an observer"), Duration.ofSeconds(90),
                            "the observer");
                    try (RealClient join = RealClient.start(Release.V1_18, temp, port, "join", "join.lua",
                            Map.of("ROLE", "player"))) {
                        assertEquals(0, join.awaitExit(240), "join:\n" + join.probeLines());
                        assertEquals(0, host.awaitExit(240), "host:\n" + host.probeLines());
                        assertEquals(0, observer.awaitExit(240), "obs:\n" + observer.probeLines());
                        assertTrue(observer.probeLines().contains("tavern-probe in game"), observer.probeLines());
                        assertTrue(host.output().contains("Battle for Wesnoth v1.18.5"), "the client that ran is 1.18.5");
                    }
                }
            }
            String console = server.awaitConsole(t -> t.contains("Game 1 'Test' ended"), Duration.ofSeconds(30),
                    "the end of the game");
            assertTrue(console.contains("started scenario 'test1' with 2 sides"), console);
            assertTrue(console.contains("started scenario 'test2' with 2 sides"), console);
            assertTrue(console.contains("join advanced to the next scenario"), console);
            assertTrue(console.contains("obs advanced to the next scenario"), console);
        }
    }
}
