package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat filter's jar overwritten again and again ({@code soak.redeploys} times: 12 in
 * {@code mvn verify}, 100 for the documented soak) while a game relays a numbered speak every 20 ms:
 * nobody is disconnected, no speak is lost or reordered, and after a full collection the server holds
 * no more bundle class loaders, threads or live heap than after the first redeploys (no revision,
 * thread or timer of an old version is kept).
 */
class PluginRedeploySoakIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /** Redeploys before the baseline: FileInstall, SCR and the logging have seen the plugin by then. */
    private static final int WARM_UP = 3;
    /** A retained revision costs far more than this; a collection's leftovers far less. */
    private static final long HEAP_TOLERANCE_BYTES = 8L * 1024 * 1024;

    @TempDir
    Path temp;

    /**
     * What the redeploys left behind beyond the noise of a running server, one line per kind; empty if
     * nothing. {@link PluginLeakDetectionIT} checks that a plugin leaking on purpose is caught by these.
     */
    static List<String> leaks(ServerVm.Snapshot baseline, ServerVm.Snapshot after) {
        List<String> leaks = new java.util.ArrayList<>();
        if (after.bundleClassLoaders() > baseline.bundleClassLoaders() + 1) {
            leaks.add("bundle class loaders kept by redeploys: before " + baseline + ", after " + after);
        }
        if (after.threads() > baseline.threads() + 2) {
            leaks.add("threads left by redeploys: before " + baseline + ", after " + after);
        }
        if (after.liveBytes() > baseline.liveBytes() + HEAP_TOLERANCE_BYTES) {
            leaks.add("live heap grew across redeploys: before " + baseline + ", after " + after);
        }
        return leaks;
    }

    @Test
    void redeployingAPluginUnderRelayLoadLeaksNothingAndDisconnectsNobody() throws Exception {
        int redeploys = Integer.getInteger("soak.redeploys", 12);
        Path built = PluginJar.built("chatfilter.jar",
                "../plugins-examples/chat-filter/target/tavern.plugin.chatfilter-0.1.0-SNAPSHOT.jar");
        Path home = temp.resolve("home");
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/tavern.transport.cfg"), "connections.per.address=0\n");
        Path plugins = home.resolve("plugins");
        try (ServerProcess server = ServerProcess.start(home, true, "-p", "0")) {
            server.awaitStarted();
            server.awaitConsole(t -> t.contains("Transport configuration applied from tavern.transport"), DEADLINE,
                    "the transport configuration");
            int port = server.awaitPort();
            ServerVm.Snapshot baseline = null;
            ServerVm.Snapshot after;
            long started = System.nanoTime();
            try (RelayedGame game = RelayedGame.start(port, "frak smeg", false)) {
                for (int round = 0; round < WARM_UP + redeploys; round++) {
                    if (round == WARM_UP) {
                        baseline = ServerVm.measure(server.serverJvm().pid());
                    }
                    // each version bans another word and has its own name, so each round is a real update
                    String name = "chat-filter-r" + round;
                    Path jar = PluginJar.variant(built, temp.resolve(name + ".jar"), "0.1.0.r" + round,
                            Map.of("ChatFilter", Map.of("banned.words", round % 2 == 0 ? "frak" : "smeg",
                                    "max.messages", "0", "tavern.plugin.name", name)));
                    PluginJar.deploy(jar, plugins, "chat-filter.jar");
                    Pattern line = Pattern.compile("(?m)active .*/" + name + "\\s*$");
                    server.awaitShellOutput("tavern:pluginstatus", status -> line.matcher(status).find(), DEADLINE);
                    // the new version takes over (FileInstall may restart it once more after the console shows it)
                    game.awaitLatest(game.join, game.lastSent(), round % 2 == 0 ? "**** smeg" : "frak ****",
                            DEADLINE.toMillis());
                    Files.delete(jar);
                }
                // measured under load, the game still running, as the baseline was
                after = ServerVm.measure(server.serverJvm().pid());
                game.stopAndCheckEverythingArrivedInOrder();
                assertTrue(game.ticksOf(game.join).size() > redeploys, "the game relayed all along");
                for (ProtocolClient client : List.of(game.host, game.join)) {
                    client.sync();
                }
                String console = server.consoleText();
                assertFalse(console.contains("host left") || console.contains("join left"), console);
            }
            System.out.printf("PluginRedeploySoakIT: %d redeploys in %d s; before: %s; after: %s%n", redeploys,
                    (System.nanoTime() - started) / 1_000_000_000, baseline, after);
            assertEquals(List.of(), leaks(baseline, after));
            assertEquals(143, server.terminate(DEADLINE));
        }
    }
}
