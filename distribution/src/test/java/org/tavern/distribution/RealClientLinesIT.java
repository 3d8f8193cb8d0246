package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.distribution.RealClient.Release;

/**
 * Real 1.16.9 and 1.18.5 clients on one Tavern at the same time, with its default configuration
 * (both lines accepted): each line plays in its own lobby and never sees the other's game.
 */
class RealClientLinesIT {

    @TempDir
    Path temp;

    /**
     * A 1.16.9 host, joiner and observer play "Sixteen" through test1 -> test2 while a 1.18.5 host,
     * joiner and observer (Debian 13's client, in the chroot) play "Eighteen"; every joiner and
     * observer looks for its game in its lobby list while both games are listed on the server.
     */
    @Test
    void a116GameAndA118GameRunSideBySideEachInItsOwnLobby() throws Exception {
        try (ServerProcess server = ServerProcess.start(temp.resolve("server"), false, "-p", "0")) {
            server.awaitStarted();
            int port = server.awaitPort();
            List<RealClient> clients = new ArrayList<>();
            try {
                clients.add(RealClient.start(Release.V1_16, temp, port, "host16", "host.lua", Map.of("NAME", "Sixteen")));
                clients.add(RealClient.start(Release.V1_18, temp, port, "host18", "host.lua", Map.of("NAME", "Eighteen")));
                server.awaitConsole(t -> t.contains("host16 created game") && t.contains("host18 created game"),
                        Duration.ofSeconds(180), "both games");
                clients.add(RealClient.start(Release.V1_16, temp, port, "obs16", "join.lua",
                        Map.of("ROLE", "observer", "GAME", "Sixteen")));
                clients.add(RealClient.start(Release.V1_18, temp, port, "obs18", "join.lua",
                        Map.of("ROLE", "observer", "GAME", "Eighteen")));
                // The joiner's "ready" makes the host start; the observers must be in by then.
                server.awaitConsole(t -> t.contains("obs16 joined game") && t.contains("obs18 joined game"),
                        Duration.ofSeconds(180), "both observers");
                clients.add(RealClient.start(Release.V1_16, temp, port, "join16", "join.lua",
                        Map.of("ROLE", "player", "GAME", "Sixteen")));
                clients.add(RealClient.start(Release.V1_18, temp, port, "join18", "join.lua",
                        Map.of("ROLE", "player", "GAME", "Eighteen")));
                for (RealClient client : clients) {
                    assertEquals(0, client.awaitExit(420), client.name + ":\n" + client.probeLines());
                }
                for (RealClient client : clients) {
                    String probes = client.probeLines();
                    boolean sixteen = client.name.endsWith("16");
                    assertTrue(client.output().contains(sixteen ? "Battle for Wesnoth v1.16.9" : "Battle for Wesnoth v1.18.5"),
                            client.name + " is the client of its line");
                    assertFalse(probes.contains("listed " + (sixteen ? "Eighteen" : "Sixteen")),
                            client.name + " saw the other line's game:\n" + probes);
                    if (!client.name.startsWith("host")) {
                        assertTrue(probes.contains("listed " + (sixteen ? "Sixteen" : "Eighteen")), probes);
                        assertTrue(probes.contains("tavern-probe in game"), client.name + ":\n" + probes);
                    }
                }
            } finally {
                clients.forEach(RealClient::close);
            }
            String console = server.awaitConsole(t -> t.contains("'Sixteen' ended") && t.contains("'Eighteen' ended"),
                    Duration.ofSeconds(60), "the end of both games");
            for (String line : List.of("16", "18")) {
                assertTrue(console.contains("join" + line + " advanced to the next scenario"), console);
                assertTrue(console.contains("obs" + line + " advanced to the next scenario"), console);
            }
            assertEquals(2, count(console, "started scenario 'test2' with 2 sides"), console);
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
