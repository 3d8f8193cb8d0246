package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * Passwords given to {@code register} and {@code passwd} never reach a log or a shell history: run
 * through the Gogo shell, the remote console ({@code bin/tavern exec}), the fifo and a moderator's
 * {@code /query}, the commands work, each path logs the command with its password written
 * {@code ****}, and neither logs/tavern.log, the console output nor ~/.gogo.history holds a password.
 */
class SecretsRedactionIT {

    private static final String SECRET = "s3cret";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void passwordsAreRedactedOnEveryConsolePath() throws Exception {
        Path home = Files.createDirectories(temp.resolve("server"));
        Path userHome = Files.createDirectories(temp.resolve("user"));
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/tavern.lobby.cfg"), "passwd=modpass\n");
        Path cfg = home.resolve("server.cfg");
        Files.writeString(cfg, "fifo_path=\"run/socket\"\n");
        try (ServerProcess server = ServerProcess.start(home, List.of("-Duser.home=" + userHome), true,
                "-p", "0", "-c", cfg.toString())) {
            server.awaitStarted();
            int port = server.awaitPort();
            server.awaitConsole(t -> t.contains("Opened fifo at"), Duration.ofSeconds(30), "the fifo");

            // The account commands appear once the identity store is open, which may follow "Tavern started":
            // waited for through the remote console, so that the terminal's shell runs no command before
            // its first line, a secret one (its history filter must have learnt of register meanwhile).
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!consoleExec(home, "tavern:register -h").contains("usage: tavern:register")) {
                assertTrue(System.nanoTime() < deadline, "register did not appear");
                Thread.sleep(200);
            }
            // the Gogo shell on the server's terminal: its very first line (no echo before it, which would
            // have run a command and so set the filter) holds a secret
            server.shell("tavern:register alice - " + SECRET + "-shell");
            server.awaitConsole(t -> t.contains("Registered alice"), WAIT, "the terminal's register");
            assertTrue(server.shellOutput("tavern:passwd alice " + SECRET + "-shell2").contains("Password of alice set"));
            server.shellOutput("tavern:version");

            // the remote console, as bin/tavern exec reaches it
            assertTrue(consoleExec(home, "tavern:register bob - " + SECRET + "-console").contains("Registered bob"));
            assertTrue(consoleExec(home, "tavern:passwd bob " + SECRET + "-console2").contains("Password of bob set"));
            // a password typed without the e-mail before it: refused, and not logged either
            assertTrue(consoleExec(home, "tavern:register erin " + SECRET + "-slot").contains("not an e-mail address"));

            // the fifo
            Files.writeString(home.resolve("run/socket"),
                    "register carol - " + SECRET + "-fifo\npasswd carol " + SECRET + "-fifo2\n", StandardCharsets.UTF_8);
            server.awaitConsole(t -> t.contains("Password of carol set"), Duration.ofSeconds(30), "the fifo's commands");

            // a moderator's /query
            try (ProtocolClient mod = ProtocolClient.loggedIn("mod", port)) {
                mod.send("[query]\ntype=\"admin modpass\"\n[/query]\n");
                mod.sync();
                assertTrue(query(mod, "register dave - " + SECRET + "-query").startsWith("Registered dave"));
                assertTrue(query(mod, "passwd dave " + SECRET + "-query2").startsWith("Password of dave set"));
            }

            String accounts = server.shellOutput("tavern:accounts");
            for (String nick : List.of("alice", "bob", "carol", "dave")) {
                assertTrue(accounts.contains(nick), accounts);
            }
            server.terminate(Duration.ofSeconds(60));
        }

        String log = Files.readString(home.resolve("logs/tavern.log"), StandardCharsets.UTF_8);
        String console = Files.readString(home.resolve("console.txt"), StandardCharsets.UTF_8);
        Path historyFile = userHome.resolve(".gogo.history");
        String history = Files.readString(historyFile, StandardCharsets.UTF_8);
        // each path wrote its command, redacted
        assertTrue(log.contains("runs: tavern:register bob **** ****"), log);
        assertTrue(log.contains("runs: tavern:register erin ****"), log);
        assertTrue(log.contains("runs: tavern:passwd bob ****"), log);
        assertTrue(log.contains("Admin Command: type: register carol **** ****"), log);
        assertTrue(log.contains("Admin Command: type: passwd carol ****"), log);
        assertTrue(log.contains("Admin Command: type: register dave **** ****\tIP: 127.0.0.1\tnick: mod"), log);
        assertTrue(log.contains("Admin Command: type: passwd dave ****"), log);
        assertTrue(history.contains("tavern:version"), history);
        // and no password anywhere
        assertFalse(log.contains(SECRET), "logs/tavern.log holds a password");
        assertFalse(console.replace("g! tavern:", "").contains(SECRET + "-console"), "the console output holds a password");
        assertFalse(history.contains(SECRET), "the shell history holds a password:\n" + history);
        assertFalse(history.contains("tavern:register"), history);
    }

    /** Runs one command through the remote console client, as {@code bin/tavern exec} does. */
    private static String consoleExec(Path home, String command) throws Exception {
        Process client = new ProcessBuilder(System.getProperty("java.command", "java"), "-cp",
                ServerProcess.tavernJar().toString(), "org.tavern.launcher.ConsoleClient", "--home", home.toString(),
                "exec", command).redirectErrorStream(true).start();
        client.getOutputStream().close();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(client.waitFor(60, TimeUnit.SECONDS), "the console client ends");
        assertEquals(0, client.exitValue(), output);
        return output;
    }

    /** Sends a /query and waits for the server's answer (account commands answer from another thread). */
    private static String query(ProtocolClient client, String command) throws Exception {
        client.send("[query]\ntype=\"" + command + "\"\n[/query]\n");
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            Document reply = client.receive();
            Node message = reply.root().child("message");
            if (message != null && "server".equals(message.attr("sender", ""))) {
                return message.attr("message");
            }
        }
        throw new AssertionError("no answer to /query " + command);
    }
}
