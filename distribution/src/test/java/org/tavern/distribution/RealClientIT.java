package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.wml.Document;

/** The real Wesnoth 1.16.9 client against tavern.jar: compatibility proven with the real thing. */
class RealClientIT {

    @TempDir
    Path temp;

    @Test
    void twoRealClientsLogInAndChatInTheLobby() throws Exception {
        try (ServerProcess server = ServerProcess.start(temp.resolve("server"), false, "-p", "0")) {
            server.awaitStarted();
            int port = server.awaitPort();
            try (RealClient alice = RealClient.start(temp, port, "alice", "lobby_chat.lua",
                    Map.of("SAY", "", "EXPECT", "hello from bob", "REPLY", "welcome bob"))) {
                server.awaitConsole(t -> t.contains("alice logged in"), Duration.ofSeconds(60), "alice's login");
                try (RealClient bob = RealClient.start(temp, port, "bob", "lobby_chat.lua",
                        Map.of("SAY", "hello from bob", "EXPECT", "welcome bob", "REPLY", ""))) {
                    assertEquals(0, bob.awaitExit(120), "bob:\n" + bob.probeLines());
                    assertEquals(0, alice.awaitExit(120), "alice:\n" + alice.probeLines());
                    assertTrue(alice.probeLines().contains("heard bob: hello from bob"), alice.probeLines());
                    assertTrue(bob.probeLines().contains("heard alice: welcome bob"), bob.probeLines());
                }
            }
            server.awaitConsole(t -> t.contains("bob left") && t.contains("alice left"), Duration.ofSeconds(30),
                    "both logouts");
        }
    }

    @Test
    void realHostJoinerAndObserverGoThroughBothScenarios() throws Exception {
        try (ServerProcess server = ServerProcess.start(temp.resolve("server"), false, "-p", "0")) {
            server.awaitStarted();
            int port = server.awaitPort();
            try (RealClient host = RealClient.start(temp, port, "host", "host.lua", Map.of())) {
                server.awaitConsole(t -> t.contains("host created game"), Duration.ofSeconds(60), "the game");
                try (RealClient observer =
                        RealClient.start(temp, port, "obs", "join.lua", Map.of("ROLE", "observer"))) {
                    // The joiner's "ready" makes the host start; the observer must be in the game by then.
                    server.awaitConsole(t -> t.contains("obs joined game 1 as an observer"), Duration.ofSeconds(60),
                            "the observer");
                    try (RealClient join =
                            RealClient.start(temp, port, "join", "join.lua", Map.of("ROLE", "player"))) {
                        assertEquals(0, join.awaitExit(180), "join:\n" + join.probeLines());
                        assertEquals(0, host.awaitExit(180), "host:\n" + host.probeLines());
                        assertEquals(0, observer.awaitExit(180), "obs:\n" + observer.probeLines());
                        assertTrue(observer.probeLines().contains("tavern-probe in game"), observer.probeLines());
                    }
                }
            }
            String console = server.awaitConsole(t -> t.contains("Game 1 'Test' ended"), Duration.ofSeconds(30),
                    "the end of the game");
            assertTrue(console.contains("started scenario 'test1' with 2 sides"), console);
            assertTrue(console.contains("the host moved on to the next scenario"), console);
            assertTrue(console.contains("started scenario 'test2' with 2 sides"), console);
            assertTrue(console.contains("join advanced to the next scenario"), console);
            assertTrue(console.contains("obs advanced to the next scenario"), console);
        }
    }

    /**
     * A game rule's new name reaches the real client's game list: with the chat filter in plugins/,
     * a game created as "frak night" is listed to a real client in the lobby as "**** night" only.
     */
    @Test
    void aRealClientListsAGameUnderTheNameAGameRuleGaveIt() throws Exception {
        Path home = temp.resolve("server");
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/tavern.plugin.chatfilter.cfg"), "banned.words=frak\n");
        PluginJar.deploy(PluginJar.built("chatfilter.jar",
                "../plugins-examples/chat-filter/target/tavern.plugin.chatfilter-0.1.0-SNAPSHOT.jar"),
                home.resolve("plugins"), "chat-filter.jar");
        try (ServerProcess server = ServerProcess.start(home, false, "-p", "0")) {
            server.awaitStarted();
            int port = server.awaitPort();
            server.awaitConsole(t -> t.contains("Plugin chat-filter.jar (tavern.plugin.chatfilter"), Duration.ofSeconds(30),
                    "the chat filter started");
            try (ProtocolClient carol = ProtocolClient.loggedIn("carol", port)) {
                carol.send("[create_game]\nname=\"frak night\"\npassword=\"\"\n[/create_game]\n");
                carol.sendGzip(Document.parse(DifferentialIT.capturedLevel()).compressedOutput());
                server.awaitConsole(t -> t.contains("is shown as '**** night' by a game rule"), Duration.ofSeconds(30),
                        "the renamed game");
                try (RealClient viewer = RealClient.start(temp, port, "viewer", "game_list.lua",
                        Map.of("EXPECT", "**** night"))) {
                    assertEquals(0, viewer.awaitExit(120), "viewer:\n" + viewer.probeLines());
                    assertTrue(viewer.probeLines().contains("tavern-probe listed **** night"), viewer.probeLines());
                    assertFalse(viewer.probeLines().contains("frak"), viewer.probeLines());
                }
            }
        }
    }
}
