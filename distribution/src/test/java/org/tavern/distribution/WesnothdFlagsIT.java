package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wesnothd init script's command line runs Tavern: {@code -d} puts the server in the background and
 * returns once it has started (or fails with its reason), {@code -t N} is accepted, {@code -v} logs
 * Tavern's debug messages, {@code --port}/{@code --config} are the long forms.
 */
class WesnothdFlagsIT {

    private static final Pattern DAEMON_PID = Pattern.compile("Started Tavern as a daemon with process id (\\d+)");

    @TempDir
    Path temp;

    @Test
    void anInitScriptsCommandLineStartsADaemon() throws Exception {
        Path home = temp.resolve("home");
        Files.createDirectories(home);
        Path cfg = home.resolve("server.cfg");
        Files.writeString(cfg, "motd=\"daemon\"\n");
        int port = TavernScript.freePort();
        try (TavernScript tavern = new TavernScript(home, temp, Map.of())) {
            Run daemon = tavernJar(home, "-d", "-t", "4", "-v", "--port", Integer.toString(port), "--config", cfg.toString());
            assertEquals(0, daemon.exitCode, daemon.output);
            assertTrue(daemon.output.contains("-t/--threads 4 is accepted for wesnothd's scripts and ignored"), daemon.output);
            Matcher pid = DAEMON_PID.matcher(daemon.output);
            assertTrue(pid.find(), daemon.output);
            long serverPid = Long.parseLong(pid.group(1));
            assertEquals(serverPid, tavern.pid(), "data/tavern.pid names the daemon");

            String log = tavern.log();
            assertTrue(log.contains("Listening on port " + port), log);
            assertTrue(log.contains("Configuration read from " + cfg), log);
            assertTrue(log.matches("(?s).* DEBUG .*Admin command \\S+ available as tavern:.*"), "-v logs debug:\n" + log);

            TavernScript.Result status = tavern.run("status");
            assertEquals(0, status.exitCode(), status.output());
            assertTrue(status.output().contains("Tavern is running (pid " + serverPid), status.output());
            TavernScript.Result stop = tavern.run("stop", "--now");
            assertEquals(0, stop.exitCode(), stop.output());
            assertEquals(3, tavern.run("status").exitCode(), "not running once stopped");
        }
    }

    @Test
    void withoutVerboseNoDebugLines() throws Exception {
        Path home = temp.resolve("quiet");
        try (TavernScript tavern = new TavernScript(home, temp, Map.of())) {
            Run daemon = tavernJar(home, "--daemon", "-p", "0");
            assertEquals(0, daemon.exitCode, daemon.output);
            assertFalse(tavern.log().contains(" DEBUG "), tavern.log());
            assertEquals(0, tavern.run("stop", "--now").exitCode());
        }
    }

    @Test
    void aDaemonThatCannotListenFailsWithItsReason() throws Exception {
        Path home = temp.resolve("home");
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"));
                TavernScript tavern = new TavernScript(home, temp, Map.of())) {
            Run daemon = tavernJar(home, "-d", "-p", Integer.toString(taken.getLocalPort()));
            assertEquals(1, daemon.exitCode, daemon.output);
            assertTrue(daemon.output.contains("tavern: the server exited during start: cannot listen on port "
                    + taken.getLocalPort() + ": Address already in use"), daemon.output);
            assertFalse(Files.exists(home.resolve("data/tavern.pid")));
        }
    }

    private record Run(int exitCode, String output) {
    }

    /** {@code java -jar tavern.jar --home HOME ARGS}, its output (stdout and stderr) once it has ended. */
    private Run tavernJar(Path home, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.command", "java"), "-jar",
                ServerProcess.tavernJar().toAbsolutePath().toString(), "--home", home.toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(temp, "daemon-", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(new File("/dev/null")).directory(temp.toFile()).start();
        if (!process.waitFor(TavernScript.SCRIPT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("tavern.jar " + String.join(" ", args) + " did not return\n" + Files.readString(output));
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
