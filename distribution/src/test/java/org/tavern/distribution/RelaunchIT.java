package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar tavern.jar} runs the server in a second JVM with Tavern's JVM options (the manifest
 * cannot carry them), and the launcher stands in for it: the owner's options win, SIGTERM to the
 * launcher stops the server with its status, and a launcher killed outright takes the server with it.
 */
class RelaunchIT {

    @TempDir
    Path temp;

    @Test
    void theServerJvmHasTavernsOptionsAndTheOwnersWin() throws Exception {
        try (ServerProcess server = ServerProcess.start(temp.resolve("home"), List.of("-Xmx300m"), false, "-p", "0")) {
            server.awaitStarted();
            ProcessHandle jvm = server.serverJvm();
            assertNotEquals(server.process.pid(), jvm.pid(), "the server runs in the launcher's child");
            List<String> arguments = List.of(jvm.info().arguments().orElseThrow());
            assertTrue(arguments.contains("-XX:MaxNewSize=32m"), arguments.toString());
            assertTrue(arguments.indexOf("-Xmx300m") > arguments.indexOf("-XX:MaxNewSize=32m"),
                    "the owner's options come after Tavern's: " + arguments);
            String flags = ServerVm.jcmd(jvm.pid(), "VM.flags");
            assertTrue(flags.contains("-XX:MaxHeapSize=314572800"), "the owner's -Xmx is in force: " + flags);
            assertTrue(flags.contains("-XX:MaxNewSize=33554432"), "Tavern's young generation bound is in force: " + flags);
            assertTrue(flags.contains("-XX:+UseG1GC"), flags);
        }
    }

    @Test
    void anOwnersCollectorReplacesG1InsteadOfStoppingTheJvm() throws Exception {
        try (ServerProcess server = ServerProcess.start(temp.resolve("home"), List.of("-XX:+UseParallelGC"), false,
                "-p", "0")) {
            server.awaitStarted();
            String flags = ServerVm.jcmd(server.serverJvm().pid(), "VM.flags");
            assertTrue(flags.contains("-XX:+UseParallelGC") && !flags.contains("-XX:+UseG1GC"), flags);
        }
    }

    @Test
    void sigtermToTheLauncherStopsTheServerWithItsExitStatus() throws Exception {
        try (ServerProcess server = ServerProcess.start(temp.resolve("home"), false, "-p", "0")) {
            server.awaitStarted();
            ProcessHandle jvm = server.serverJvm();
            assertEquals(143, server.terminate(Duration.ofSeconds(60)), "128 + SIGTERM, as java's own");
            assertTrue(jvm.onExit().isDone() || !jvm.isAlive(), "the server JVM ended before its launcher");
            assertTrue(server.consoleText().contains("Tavern stopping"), server.consoleText());
        }
    }

    @Test
    void aKilledLauncherTakesTheServerWithItAndThePortIsFree() throws Exception {
        try (ServerProcess server = ServerProcess.start(temp.resolve("home"), false, "-p", "0")) {
            server.awaitStarted();
            int port = server.awaitPort();
            ProcessHandle jvm = server.serverJvm();
            server.process.destroyForcibly(); // SIGKILL: the launcher forwards nothing
            jvm.onExit().get(60, TimeUnit.SECONDS);
            assertTrue(server.consoleText().contains("the launcher process " + server.process.pid() + " ended"),
                    server.consoleText());
            try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertEquals(port, again.getLocalPort(), "no server left holding the port");
            }
        }
    }

    @Test
    void relaunchFalseRunsTheServerInTheFirstJvm() throws Exception {
        try (ServerProcess server = ServerProcess.start(temp.resolve("home"), List.of("-Dtavern.relaunch=false"), false,
                "-p", "0")) {
            server.awaitStarted();
            assertEquals(server.process.pid(), server.serverJvm().pid());
            assertEquals(0, server.process.children().count(), "no second JVM");
        }
    }
}
