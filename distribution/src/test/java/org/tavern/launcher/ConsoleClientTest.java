package org.tavern.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the client says and returns when there is nothing to talk to; the IT covers a real server. */
class ConsoleClientTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        ConsoleClient client = new ConsoleClient(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return client.run(args, new ByteArrayInputStream(new byte[0]), home);
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noConsoleFilesMeansNotRunning() {
        assertEquals(ConsoleClient.EXIT_NOT_RUNNING, run("exec", "tavern:version"));
        assertTrue(errText().contains("no running Tavern in " + home + " (console.port is missing)"), errText());
    }

    @Test
    void aPortNobodyListensOnMeansNotRunning() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Files.createDirectories(home.resolve("data"));
        Files.writeString(home.resolve("data/console.port"), closedPort + "\n");
        Files.writeString(home.resolve("data/console.token"), "whatever\n");
        assertEquals(ConsoleClient.EXIT_NOT_RUNNING, run("console"));
        assertTrue(errText().contains("is the server running?"), errText());
    }

    @Test
    void aPortFileWithoutANumberIsReported() throws Exception {
        Files.createDirectories(home.resolve("data"));
        Files.writeString(home.resolve("data/console.port"), "garbage\n");
        assertEquals(ConsoleClient.EXIT_NOT_RUNNING, run("exec", "lb"));
        assertTrue(errText().contains("console.port holds no port number"), errText());
    }

    @Test
    void badCommandLinesAreUsageErrors() {
        assertEquals(ConsoleClient.EXIT_USAGE, run());
        assertEquals(ConsoleClient.EXIT_USAGE, run("exec"));
        assertEquals(ConsoleClient.EXIT_USAGE, run("exec", "one\ntwo"));
        assertEquals(ConsoleClient.EXIT_USAGE, run("--timeout", "soon", "exec", "lb"));
        assertEquals(ConsoleClient.EXIT_USAGE, run("console", "extra"));
        assertEquals(ConsoleClient.EXIT_USAGE, run("frobnicate"));
        assertTrue(errText().contains("unknown command: frobnicate"), errText());
    }

    @Test
    void helpPrintsUsage() {
        assertEquals(ConsoleClient.EXIT_OK, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("exec \"<gogo command>\""));
    }
}
