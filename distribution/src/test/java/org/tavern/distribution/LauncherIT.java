package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/tavern as an owner uses it: start, status, exec, console, stop (graceful while a game runs), and
 * the stale pid file a crash leaves.
 */
class LauncherIT {

    /** start waits for the server itself (60 s); this bounds the script around it. */
    private static final Duration SCRIPT_DEADLINE = Duration.ofSeconds(120);
    private static final int EXIT_NOT_RUNNING = 3;
    private static final int EXIT_DEAD_WITH_PID_FILE = 1;

    @TempDir
    Path temp;

    private Path home;

    @AfterEach
    void neverLeaveAServerBehind() throws Exception {
        if (home == null) {
            return;
        }
        Path pidFile = home.resolve("data/tavern.pid");
        if (Files.exists(pidFile)) {
            String pid = Files.readString(pidFile).strip();
            if (pid.matches("\\d+")) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    void startStatusExecConsoleStop() throws Exception {
        home = temp.resolve("home");
        int port = freePort();

        Result start = tavern("", "start", "-p", Integer.toString(port));
        assertEquals(0, start.exitCode, start.output);
        assertTrue(start.output.contains("Tavern started (pid "), start.output);
        assertEquals(42, plainHandshake(port), "the port accepts wesnothd clients once start has returned");

        Result status = tavern("", "status");
        assertEquals(0, status.exitCode, status.output);
        assertTrue(status.output.matches("(?s)Tavern is running \\(pid \\d+, port " + port + ", up .*"), status.output);

        Result version = tavern("", "exec", "tavern:version");
        assertEquals(0, version.exitCode, version.output);
        assertTrue(version.output.matches("Tavern \\S+ \\(wesnothd 1\\.16\\.9 protocol\\)\\n"), version.output);

        Result unknown = tavern("", "exec", "no:such-command");
        assertEquals(1, unknown.exitCode, unknown.output);
        assertTrue(unknown.output.contains("error: CommandNotFoundException: Command not found: no:such-command"),
                unknown.output);

        refusesWithoutTheRightToken();

        Result console = tavern("tavern:version\necho second-command\nexit\n", "console");
        assertEquals(0, console.exitCode, console.output);
        assertTrue(console.output.contains("tavern> Tavern "), console.output);
        assertTrue(console.output.contains("tavern> second-command"), console.output);

        Result stop = tavern("", "stop", "--timeout", "30");
        assertEquals(0, stop.exitCode, stop.output);
        assertTrue(stop.output.contains("Tavern stopped."), stop.output);
        assertFalse(Files.exists(home.resolve("data/tavern.pid")), "pid file removed");
        assertFalse(Files.exists(home.resolve("data/console.port")), "the server removed its console files");
        assertFalse(Files.exists(home.resolve("data/console.token")), "the server removed its console files");

        Result stopped = tavern("", "status");
        assertEquals(EXIT_NOT_RUNNING, stopped.exitCode, stopped.output);
        assertTrue(stopped.output.contains("Tavern is not running"), stopped.output);

        Result noServer = tavern("", "exec", "tavern:version");
        assertEquals(EXIT_NOT_RUNNING, noServer.exitCode, noServer.output);
        assertTrue(noServer.output.contains("no running Tavern in "), noServer.output);
    }

    /** The console wants the token first: a wrong one, or a command instead, is answered and closed. */
    private void refusesWithoutTheRightToken() throws Exception {
        int consolePort = Integer.parseInt(Files.readString(home.resolve("data/console.port")).strip());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("data/console.token"))));
        for (String firstLine : List.of("0123456789abcdef", "exec tavern:version")) {
            try (Socket socket = new Socket("127.0.0.1", consolePort)) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write((firstLine + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("error: access denied", in.readLine(), "answer to '" + firstLine + "'");
                assertEquals(null, in.readLine(), "closed after refusing '" + firstLine + "'");
            }
        }
        // The client, given the right port but a wrong token, says so and fails.
        Path impostor = temp.resolve("impostor");
        Files.createDirectories(impostor.resolve("data"));
        Files.writeString(impostor.resolve("data/console.port"), consolePort + "\n");
        Files.writeString(impostor.resolve("data/console.token"), "not-the-token\n");
        Result refused = run(impostor, "", "exec", "tavern:version");
        assertEquals(4, refused.exitCode, refused.output);
        assertTrue(refused.output.contains("refused the connection: access denied"), refused.output);
    }

    @Test
    void aStalePidFileIsCleanedAndASecondStartIsRefused() throws Exception {
        home = temp.resolve("home");
        Files.createDirectories(home.resolve("data"));
        Files.writeString(home.resolve("data/tavern.pid"), deadPid() + "\n");
        Files.writeString(home.resolve("data/console.port"), "1\n"); // a crash leaves these behind too

        Result stale = tavern("", "status");
        assertEquals(EXIT_DEAD_WITH_PID_FILE, stale.exitCode, stale.output);
        assertTrue(stale.output.contains("Removed the stale pid file"), stale.output);
        assertFalse(Files.exists(home.resolve("data/tavern.pid")));
        assertEquals(EXIT_NOT_RUNNING, tavern("", "status").exitCode);

        Files.writeString(home.resolve("data/tavern.pid"), deadPid() + "\n");
        int port = freePort();
        Result start = tavern("", "start", "-p", Integer.toString(port));
        assertEquals(0, start.exitCode, start.output);
        assertTrue(start.output.contains("Removed the stale pid file"), start.output);

        Result again = tavern("", "start", "-p", Integer.toString(freePort()));
        assertEquals(1, again.exitCode, again.output);
        assertTrue(again.output.contains("Tavern is already running in " + home), again.output);
        assertEquals(0, tavern("", "status").exitCode, "the first server still runs");

        assertEquals(0, tavern("", "stop").exitCode);
        assertEquals(EXIT_NOT_RUNNING, tavern("", "status").exitCode);
    }

    @Test
    void stopWhileAGameRunsLetsItFinishThenTheServerExits() throws Exception {
        home = temp.resolve("home");
        int port = freePort();
        assertEquals(0, tavern("", "start", "-p", Integer.toString(port)).exitCode);
        try (ProtocolClient watcher = login("watcher", port); ProtocolClient host = login("host", port)) {
            host.send("[create_game]\nname=\"Last game\"\npassword=\"\"\n[/create_game]\n");
            host.sync();
            watcher.sync();

            Path stopOutput = Files.createTempFile(temp, "stop-", ".out");
            Process stop = start(stopOutput, "stop", "--timeout", "90");
            assertEquals("The server is shutting down. You may finish your games but can't start new ones. Once all "
                    + "games have ended the server will exit.", nextMessage(watcher));

            // the game goes on: its host is still answered, and stop is still waiting
            host.send("[query]\ntype=\"stats\"\n[/query]\n");
            assertTrue(host.sync().stream().anyMatch(d -> d.root().child("message") != null
                    && d.root().child("message").attr("message").startsWith("Number of games = 1")));
            assertTrue(stop.isAlive(), "stop waits for the game:\n" + Files.readString(stopOutput));

            host.close(); // the last game ends with its host
            // as wesnothd, the lobby first looks for an empty server 10 s after the command: more than
            // the client's usual read timeout, counted from about the same moment
            watcher.readTimeout(Duration.ofSeconds(30));
            assertEquals("All games ended. Shutting down now. Reconnect to the new server instance.",
                    nextMessage(watcher));
            assertTrue(stop.waitFor(SCRIPT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS), "stop returns");
            String output = Files.readString(stopOutput);
            assertEquals(0, stop.exitValue(), output);
            assertTrue(output.contains("Server is doing graceful shut down.") && output.contains("Tavern stopped."),
                    output);
            assertFalse(output.contains("SIGTERM"), "the server exited by itself:\n" + output);
        }
        assertEquals(EXIT_NOT_RUNNING, tavern("", "status").exitCode);
    }

    private static ProtocolClient login(String name, int port) throws IOException {
        return ProtocolClient.loggedIn(name, port);
    }

    /** The text of the next {@code [message]} the client receives (within its read timeout). */
    private static String nextMessage(ProtocolClient client) throws IOException {
        while (true) {
            org.tavern.wml.Node message = client.receive().root().child("message");
            if (message != null) {
                return message.attr("message");
            }
        }
    }

    /** Starts bin/tavern in the background, its output to a file. */
    private Process start(Path output, String... args) throws IOException {
        Path script = ServerProcess.tavernJar().toAbsolutePath().resolveSibling("bin/tavern");
        List<String> command = new ArrayList<>(List.of(script.toString(), "--home", home.toString()));
        command.addAll(ServerProcess.scriptArguments(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(new File("/dev/null")).directory(temp.toFile());
        builder.environment().put("JAVA", System.getProperty("java.command", "java"));
        builder.environment().remove("TAVERN_JAR");
        return builder.start();
    }

    /** The pid of a process that has ended (and been reaped). */
    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "'true' did not end");
        return process.pid();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int plainHandshake(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            new java.io.DataOutputStream(socket.getOutputStream()).writeInt(0);
            return new java.io.DataInputStream(socket.getInputStream()).readInt();
        }
    }

    private Result tavern(String stdin, String... args) throws Exception {
        return run(home, stdin, args);
    }

    /** Runs bin/tavern --home DIR ARGS with {@code stdin} as its input; output is stdout and stderr together. */
    private Result run(Path homeDir, String stdin, String... args) throws Exception {
        Path script = ServerProcess.tavernJar().toAbsolutePath().resolveSibling("bin/tavern");
        List<String> command = new ArrayList<>(List.of(script.toString(), "--home", homeDir.toString()));
        command.addAll(ServerProcess.scriptArguments(args));
        Path output = Files.createTempFile(temp, "tavern-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .directory(temp.toFile());
        builder.environment().put("JAVA", System.getProperty("java.command", "java"));
        builder.environment().remove("TAVERN_JAR");
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(SCRIPT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("tavern " + String.join(" ", args) + " did not end within " + SCRIPT_DEADLINE
                    + "\n" + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }
}
