package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * {@code -c server.cfg}: a wesnothd file with every key is accepted and applied; a malformed one stops
 * the launch with its line before anything listens; {@code tavern:reload} and SIGHUP apply an edited
 * file live, and a broken edit changes nothing.
 */
class ServerCfgIT {

    @TempDir
    Path temp;

    private Path home() throws Exception {
        Path home = temp.resolve("server");
        Files.createDirectories(home);
        return home;
    }

    @Test
    void aWesnothdServerCfgWithEveryKeyIsAppliedAsWesnothdWould() throws Exception {
        Path home = home();
        Path cfg = home.resolve("server.cfg");
        Files.copy(Path.of("src/test/resources/servercfg/every-key.cfg"), cfg);
        try (ServerProcess server = ServerProcess.start(home, false, "-p", "0", "-c", cfg.toString())) {
            server.awaitStarted();
            String console = server.awaitConsole(t -> t.contains("Configuration read from"), Duration.ofSeconds(30),
                    "the configuration report");
            assertTrue(console.contains("id is accepted but has no effect"), console);
            assertTrue(console.contains("[user_handler] is accepted but has no effect"), console);
            assertFalse(console.contains("unknown key"), console);
            int port = server.awaitPort();
            List<ProtocolClient> clients = new ArrayList<>();
            try {
                // connections_allowed=0: more than wesnothd's default of 5 from one address
                for (int i = 1; i <= 6; i++) {
                    ProtocolClient client = new ProtocolClient("p" + i, port);
                    clients.add(client);
                    List<String> welcome = login(client);
                    // wesnothd sends the announcements after the motd in the same message, and alone again
                    assertTrue(welcome.contains("Welcome to the \"test\" server — have fun\nTournament on Sunday"),
                            welcome.toString());
                    assertTrue(welcome.contains("Rules: be nice."), welcome.toString());
                    assertTrue(welcome.contains("Tournament on Sunday"), welcome.toString());
                }
                ProtocolClient moderator = clients.get(0);
                assertEquals("You are now recognized as an administrator.", query(moderator, "admin letmein"));
                String ban = query(moderator, "ban 10.9.9.9 short using a named ban time");
                // [ban_time] name=short time=2m: the ban ends two minutes after it starts
                java.util.regex.Matcher times = java.util.regex.Pattern.compile(
                        "start_time: (\\d{8} \\d\\d:\\d\\d:\\d\\d) +end_time: (\\d{8} \\d\\d:\\d\\d:\\d\\d)").matcher(ban);
                assertTrue(ban.startsWith("IP: 10.9.9.9  reason: 'using a named ban time'") && times.find(), ban);
                java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss");
                assertEquals(Duration.ofMinutes(2), Duration.between(java.time.LocalDateTime.parse(times.group(1), format),
                        java.time.LocalDateTime.parse(times.group(2), format)), ban);
            } finally {
                for (ProtocolClient client : clients) {
                    client.close();
                }
            }
        }
    }

    @Test
    void aMalformedFileStopsTheLaunchWithItsLineBeforeAnythingListens() throws Exception {
        Path home = home();
        Path cfg = home.resolve("server.cfg");
        Files.writeString(cfg, "motd=\"fine\"\nmax_messages=4\nmessages_time_period=ten\n");
        try (ServerProcess server = ServerProcess.start(home, false, "-p", "0", "-c", cfg.toString())) {
            assertTrue(server.process.waitFor(60, TimeUnit.SECONDS), "the server gives up");
            assertEquals(1, server.process.exitValue());
            String console = server.consoleText();
            assertTrue(console.contains("line 3: messages_time_period needs a whole number, got 'ten'"), console);
            assertFalse(console.contains("Listening on port"), "nothing started half-configured:\n" + console);
        }
    }

    @Test
    void reloadAndSighupApplyTheEditedFileLiveAndABrokenEditChangesNothing() throws Exception {
        Path home = home();
        Path cfg = home.resolve("server.cfg");
        Files.writeString(cfg, "motd=\"first\"\n");
        try (ServerProcess server = ServerProcess.start(home, true, "-p", "0", "-c", cfg.toString())) {
            server.awaitStarted();
            int port = server.awaitPort();
            try (ProtocolClient stays = new ProtocolClient("stays", port)) {
                assertTrue(login(stays).contains("first\n"));

                Files.writeString(cfg, "motd=\"second\"\n");
                server.shell("tavern:reload");
                server.awaitConsole(t -> t.contains("Reloaded " + cfg), Duration.ofSeconds(30), "the reload");
                assertTrue(motdOfANewLogin(port, "n1").contains("second\n"));

                Files.writeString(cfg, "motd=\"third\"\n[redirect]\n");
                server.shell("tavern:reload");
                server.awaitConsole(t -> t.contains("line 2: [redirect] is never closed; the configuration in force is kept"),
                        Duration.ofSeconds(30), "the refused reload");
                assertTrue(motdOfANewLogin(port, "n2").contains("second\n"), "a broken file changes nothing");

                Files.writeString(cfg, "motd=\"fourth\"\n");
                Process hangup = new ProcessBuilder("kill", "-HUP", Long.toString(server.process.pid())).start();
                assertEquals(0, hangup.waitFor());
                server.awaitConsole(t -> t.contains("SIGHUP: Reloaded"), Duration.ofSeconds(30), "the SIGHUP reload");
                assertTrue(motdOfANewLogin(port, "n3").contains("fourth\n"));

                assertTrue(stays.sync().stream().noneMatch(d -> d.root().child("error") != null),
                        "the first player stayed connected through every reload");
            }
        }
    }

    private static List<String> motdOfANewLogin(int port, String name) throws Exception {
        try (ProtocolClient client = new ProtocolClient(name, port)) {
            return login(client);
        }
    }

    /** Logs in and returns the texts of the messages that came with the welcome. */
    private static List<String> login(ProtocolClient client) throws Exception {
        client.receive();
        client.send("[version]\nversion=\"1.16.9\"\n[/version]\n");
        client.receive();
        client.send("[login]\nusername=\"" + client.name + "\"\n[/login]\n");
        List<String> texts = new ArrayList<>();
        for (Document document : client.sync()) {
            Node message = document.root().child("message");
            if (message != null) {
                texts.add(message.text("message"));
            }
        }
        return texts;
    }

    private static String query(ProtocolClient client, String command) throws Exception {
        client.send("[query]\ntype=\"" + command + "\"\n[/query]\n");
        List<Document> replies = client.sync();
        Node message = replies.get(replies.size() - 1).root().child("message");
        return message.attr("message");
    }
}
