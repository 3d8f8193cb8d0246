package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.wml.Document;

/**
 * Each example plugin installed, updated in place (its jar overwritten by a changed version) and
 * uninstalled through {@code plugins/} of a running tavern.jar, while a game relays a numbered speak
 * every 20 ms to a player and an observer and other players use the lobby: nobody is disconnected,
 * no relayed speak is lost or reordered, and each plugin's behaviour starts, changes and stops
 * exactly between the moment its jar is written and the moment the console shows the change (and,
 * for an update, FileInstall's refresh of the bundle is over).
 */
class PluginLifecycleIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    private ServerProcess server;
    private Path plugins;

    @Test
    void everyExamplePluginComesChangesAndGoesWhileAGameRelaysTurns() throws Exception {
        Path home = temp.resolve("home");
        Files.createDirectories(home.resolve("etc"));
        // the probes below send more lobby requests than the lobby's default flood control allows
        Files.writeString(home.resolve("etc/tavern.lobby.cfg"), "max.messages=100000\nconnections.allowed=0\n");
        // eight players from one address: more than the default allows
        Files.writeString(home.resolve("etc/tavern.transport.cfg"), "connections.per.address=0\n");
        plugins = home.resolve("plugins");
        try (ServerProcess started = ServerProcess.start(home, true, "-p", "0")) {
            server = started;
            server.awaitStarted();
            server.awaitConsole(t -> t.contains("Transport configuration applied from tavern.transport"), DEADLINE,
                    "the transport configuration");
            int port = server.awaitPort();
            try (RelayedGame game = RelayedGame.start(port, ExamplePluginsScenario.SPEAK, true);
                    ProtocolClient asker = ProtocolClient.loggedIn("asker", port)) {
                new ExamplePluginsScenario(new FileInstallDeployment(), temp, port).run(game, asker);

                game.stopAndCheckEverythingArrivedInOrder();
                assertTrue(game.ticksOf(game.join).size() > 100, "the game relayed all along");
                for (ProtocolClient client : List.of(game.host, game.join, game.watcher, asker)) {
                    for (Document document : client.sync()) {
                        assertTrue(document.root().child("error") == null, client.name + " was sent " + document);
                    }
                }
                String console = server.consoleText();
                for (String name : List.of("host", "join", "watcher", "asker")) {
                    assertFalse(console.contains(name + " left"), name + " was disconnected:\n" + console);
                }
            }
            assertEquals(143, server.terminate(DEADLINE));
        }
    }

    /** Jars copied into plugins/ and deleted from it, as an owner would; the console polled through Gogo. */
    private final class FileInstallDeployment implements ExamplePluginsScenario.Deployment {

        @Override
        public void put(Path jar, String name) throws Exception {
            PluginJar.deploy(jar, plugins, name);
        }

        @Override
        public void remove(String name) throws Exception {
            Files.delete(plugins.resolve(name));
        }

        @Override
        public void awaitStatus(Predicate<String> condition) throws Exception {
            server.awaitShellOutput("tavern:pluginstatus", condition, DEADLINE);
        }

        @Override
        public String listing() throws Exception {
            return server.shellOutput("tavern:plugins");
        }
    }
}
