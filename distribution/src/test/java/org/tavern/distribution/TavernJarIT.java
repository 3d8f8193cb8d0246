package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the exported tavern.jar as its own process, the way a server owner does. */
class TavernJarIT {

    private static final Duration STOP_DEADLINE = Duration.ofSeconds(30);
    private static final Duration HOT_DEPLOY_DEADLINE = Duration.ofSeconds(30);
    private static final String PROBE_BUNDLE = "tavern.test.hotdeploy";

    @TempDir
    Path temp;

    @Test
    void helpPrintsUsageAndExitsZero() throws Exception {
        Result result = runToEnd("--help");
        assertEquals(0, result.exitCode);
        assertTrue(result.output.contains("Usage: java -jar tavern.jar"), result.output);
        assertTrue(result.output.contains("--port"), result.output);
    }

    @Test
    void versionPrintsTheProtocolVersion() throws Exception {
        Result result = runToEnd("--version");
        assertEquals(0, result.exitCode);
        assertTrue(result.output.matches("(?s)Tavern \\S+ \\(Battle for Wesnoth server 1\\.16\\.9 protocol\\)\\s*"),
                result.output);
    }

    @Test
    void unknownOptionIsRefusedWithExitCodeTwo() throws Exception {
        Result result = runToEnd("--frobnicate");
        assertEquals(2, result.exitCode);
        assertTrue(result.output.contains("unknown option: --frobnicate"), result.output);
    }

    @Test
    void invalidPortIsRefusedWithExitCodeTwo() throws Exception {
        Result result = runToEnd("-p", "seventy");
        assertEquals(2, result.exitCode);
        assertTrue(result.output.contains("invalid port 'seventy'"), result.output);
    }

    @Test
    void runsHeadlessPastEndOfStdinAndStopsCleanlyOnSigterm() throws Exception {
        Path home = temp.resolve("home");
        try (ServerProcess server = ServerProcess.start(home, false, "-p", "0")) {
            server.awaitStarted();
            assertEquals(42, plainHandshake(server.awaitPort()), "the shipped jar answers the wesnothd handshake");
            for (String dir : new String[] {"etc", "plugins", "data", "logs"}) {
                assertTrue(Files.isDirectory(home.resolve(dir)), dir + " created");
            }
            assertTrue(Files.readString(home.resolve("logs/tavern.log")).contains("Tavern started"),
                    "the started line reaches logs/tavern.log");
            // stdin is /dev/null: the shell has seen end of file by now, and the server must stay up.
            assertFalse(server.process.waitFor(1500, TimeUnit.MILLISECONDS),
                    "server exited after stdin closed:\n" + server.consoleText());

            int exitCode = server.terminate(STOP_DEADLINE);
            assertEquals(143, exitCode, "exit code after SIGTERM (128 + 15)");
            assertTrue(Files.readString(home.resolve("logs/tavern.log")).contains("Tavern stopping"),
                    "components were deactivated on SIGTERM");
        }
    }

    @Test
    void hotDeploysReplacesAndRemovesAPluginJar() throws Exception {
        Path home = temp.resolve("home");
        try (ServerProcess server = ServerProcess.start(home, true, "-p", "0")) {
            server.awaitStarted();
            Path plugin = home.resolve("plugins/probe.jar");

            dropAtomically(probeBundle("1.0.0"), plugin);
            awaitProbe(server, 1, "ACTIVE", "1.0.0");

            dropAtomically(probeBundle("1.0.1"), plugin);
            awaitProbe(server, 2, "ACTIVE", "1.0.1");

            Files.delete(plugin);
            awaitProbe(server, 3, null, null);

            assertEquals(143, server.terminate(STOP_DEADLINE));
        }
    }

    private static int plainHandshake(int port) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            new java.io.DataOutputStream(socket.getOutputStream()).writeInt(0);
            return new java.io.DataInputStream(socket.getInputStream()).readInt();
        }
    }

    /** Polls {@code tavern:plugins} through the Gogo shell until the probe bundle is in the expected state (null: gone). */
    private static void awaitProbe(ServerProcess server, int step, String state, String version) throws Exception {
        long end = System.nanoTime() + HOT_DEPLOY_DEADLINE.toNanos();
        int attempt = 0;
        while (true) {
            String marker = "probe-" + step + "-" + attempt++;
            // One command per line: Gogo prints only the value of a line's last command.
            server.shell("echo begin-" + marker);
            server.shell("tavern:plugins");
            server.shell("echo end-" + marker);
            String text = server.awaitConsole(t -> t.contains("\nend-" + marker) || t.contains("g! end-" + marker),
                    Duration.ofSeconds(20), "shell output " + marker);
            String listing = text.substring(text.lastIndexOf("begin-" + marker), text.lastIndexOf("end-" + marker));
            String probeLine = listing.lines().filter(l -> l.contains(" " + PROBE_BUNDLE + " ")).findFirst().orElse(null);
            boolean matches = state == null
                    ? probeLine == null
                    : probeLine != null && probeLine.contains(state) && probeLine.contains(PROBE_BUNDLE + " " + version + " ");
            if (matches) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("step " + step + ": expected " + (state == null ? "no probe bundle"
                        : state + " " + version) + " but tavern:plugins said:\n" + listing
                        + "\n--- console ---\n" + text);
            }
            Thread.sleep(200);
        }
    }

    /** Copies in under a temporary name, then renames: what the docs tell owners to do. */
    private void dropAtomically(byte[] jar, Path target) throws IOException {
        Path staging = temp.resolve("staging.tmp");
        Files.write(staging, jar);
        Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A minimal bundle (manifest only) that reaches ACTIVE without any code. */
    static byte[] probeBundle(String version) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", PROBE_BUNDLE);
        main.putValue("Bundle-Name", PROBE_BUNDLE);
        main.putValue("Bundle-Version", version);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new ZipEntry("probe/version.txt"));
            jar.write(version.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }

    private Result runToEnd(String... args) throws Exception {
        Path home = temp.resolve("cli");
        try (ServerProcess server = ServerProcess.start(home, false, args)) {
            if (!server.process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("tavern.jar " + String.join(" ", args) + " did not exit");
            }
            return new Result(server.process.exitValue(), server.consoleText());
        }
    }

    private record Result(int exitCode, String output) {
    }
}
