package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.wml.Document;

/**
 * The example chat filter, hot-deployed into a running tavern.jar while two players chat in the
 * lobby: it filters from the moment the lobby has it, follows its configuration file live, and stops
 * filtering when its jar is deleted; neither player is ever disconnected.
 */
class PluginHotDeployIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void chatFilterInstalledReconfiguredAndRemovedWhilePlayersChat() throws Exception {
        Path pluginJar = Path.of(System.getProperty("chatfilter.jar",
                "../plugins-examples/chat-filter/target/tavern.plugin.chatfilter-0.1.0-SNAPSHOT.jar"));
        assertTrue(Files.isRegularFile(pluginJar), "chat filter built at " + pluginJar.toAbsolutePath());
        Path home = temp.resolve("home");
        Files.createDirectories(home.resolve("etc"));
        // The lobby's own flood control would refuse the polling messages below; the filter's rate limit too.
        Files.writeString(home.resolve("etc/tavern.lobby.cfg"), "max.messages=100000\n");
        Path filterConfig = home.resolve("etc/tavern.plugin.chatfilter.cfg");
        writeAtomically(filterConfig, "banned.words=frak\nmax.messages=0\n");
        try (ServerProcess server = ServerProcess.start(home, true, "-p", "0")) {
            server.awaitStarted();
            int port = server.awaitPort();
            try (ProtocolClient alice = login(port, "alice"); ProtocolClient bob = login(port, "bob")) {
                assertEquals("frak it", LobbyChat.say(alice, bob, "frak it"), "no filter yet");

                Path deployed = home.resolve("plugins/chat-filter.jar");
                Files.copy(pluginJar, home.resolve("plugins/chat-filter.jar.part"));
                Files.move(home.resolve("plugins/chat-filter.jar.part"), deployed, StandardCopyOption.ATOMIC_MOVE);
                awaitPluginStatus(server, status -> status.contains("tavern.plugin.chatfilter/chat-filter")
                        && status.contains("active"));
                assertEquals("**** it", LobbyChat.say(alice, bob, "frak it"), "filtered once the lobby has the filter");
                assertGameListedAs(port, bob, "frak night", "**** night");

                writeAtomically(filterConfig, "banned.words=frak,smeg\nmax.messages=0\n");
                LobbyChat.awaitDelivered(alice, bob, "smeg off", "**** off", DEADLINE);

                Files.delete(deployed);
                // the server's own listeners (the web bundle's metrics) stay; the filter's entries go
                awaitPluginStatus(server, status -> !status.contains("tavern.plugin.chatfilter")
                        && (status.contains("No plugin filters") || status.contains("tavern.web/")));
                assertEquals("frak it", LobbyChat.say(alice, bob, "frak it"), "passes again once the jar is gone");

                for (ProtocolClient client : List.of(alice, bob)) {
                    for (Document document : client.sync()) {
                        assertTrue(document.root().child("leave_game") == null && document.root().child("error") == null,
                                client.name + " was sent " + document);
                    }
                }
                String console = server.consoleText();
                assertFalse(console.contains("alice left") || console.contains("bob left"), console);
            }
            assertEquals(143, server.terminate(DEADLINE));
        }
    }

    private static ProtocolClient login(int port, String name) throws Exception {
        return ProtocolClient.loggedIn(name, port);
    }

    /**
     * Carol creates a game called {@code name}; Bob, in the lobby, must see it listed as {@code listed}
     * (the filter's game rule renames it before anyone sees it) and never under its own name.
     */
    private static void assertGameListedAs(int port, ProtocolClient lobbyReader, String name, String listed)
            throws Exception {
        try (ProtocolClient carol = login(port, "carol")) {
            carol.send("[create_game]\nname=\"" + name + "\"\npassword=\"\"\n[/create_game]\n");
            carol.sendGzip(Document.parse(DifferentialIT.capturedLevel()).compressedOutput());
            long end = System.nanoTime() + DEADLINE.toNanos();
            StringBuilder seen = new StringBuilder();
            while (!seen.toString().contains("name=\"" + listed + "\"")) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("the game never appeared as '" + listed + "':\n" + seen);
                }
                lobbyReader.sync().forEach(document -> seen.append(document).append('\n'));
            }
            assertFalse(seen.toString().contains(name), "listed under its own name:\n" + seen);
        }
    }

    /** Polls {@code tavern:pluginstatus} through the Gogo shell until its output satisfies {@code condition}. */
    private static void awaitPluginStatus(ServerProcess server, Predicate<String> condition) throws Exception {
        server.awaitShellOutput("tavern:pluginstatus", condition, DEADLINE);
    }

    private void writeAtomically(Path target, String text) throws IOException {
        Path staging = temp.resolve("staging.cfg");
        Files.writeString(staging, text);
        Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
