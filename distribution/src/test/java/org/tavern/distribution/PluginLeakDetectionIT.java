package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak's leak limits can fail: a plugin that starts a thread and never stops it, updated in place
 * a few times in a running tavern.jar, is caught by {@link PluginRedeploySoakIT#leaks} (threads and
 * bundle class loaders), measured the same way as the soak measures the chat filter.
 */
class PluginLeakDetectionIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final int WARM_UP = 2;
    private static final int REDEPLOYS = 5;

    @TempDir
    Path temp;

    @Test
    void aPluginThatLeaksAThreadPerVersionIsCaughtByTheSoaksLimits() throws Exception {
        Path home = temp.resolve("home");
        Path plugins = home.resolve("plugins");
        try (ServerProcess server = ServerProcess.start(home, true, "-p", "0")) {
            server.awaitStarted();
            ServerVm.Snapshot baseline = null;
            for (int round = 0; round < WARM_UP + REDEPLOYS; round++) {
                if (round == WARM_UP) {
                    baseline = ServerVm.measure(server.serverJvm().pid());
                }
                String version = "1.0." + round;
                Path jar = BrokenPluginJars.leakingThread(temp.resolve("leak-" + round + ".jar"),
                        temp.resolve("javac-" + round), version);
                PluginJar.deploy(jar, plugins, "leak.jar");
                server.awaitConsole(text -> text.contains("Plugin leak.jar (broken.leak " + version + ") started"),
                        DEADLINE, "version " + version + " started");
            }
            ServerVm.Snapshot after = ServerVm.measure(server.serverJvm().pid());
            List<String> leaks = PluginRedeploySoakIT.leaks(baseline, after);
            System.out.printf("PluginLeakDetectionIT: %d leaking redeploys; before: %s; after: %s%n", REDEPLOYS,
                    baseline, after);
            assertTrue(leaks.stream().anyMatch(leak -> leak.startsWith("threads left")), leaks.toString());
            assertTrue(leaks.stream().anyMatch(leak -> leak.startsWith("bundle class loaders kept")), leaks.toString());
            assertEquals(143, server.terminate(DEADLINE));
        }
    }
}
