package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * The admin commands typed in the server's Gogo shell ({@code tavern:<command>}) answer with the
 * same text as a moderator's {@code /query <command>} (the differential test holds the latter to
 * wesnothd's); and {@code tavern:shut_down} shuts the server down gracefully.
 */
class AdminConsoleIT {

    /** Each group runs first as a moderator's queries, then in the shell, from the same state. */
    private static final List<List<String>> GROUPS = List.of(
            List.of("status *"),
            List.of("status victim"),
            List.of("motd Welcome to the test"),
            List.of("motd"),
            List.of("dul yes", "dul", "dul no"),
            List.of("msg Hello everyone"),
            List.of("pm victim a private word"),
            List.of("pm nobody hello"),
            List.of("ban 10.1.1.* 1h flooding", "bans", "unban 10.1.1.*"),
            List.of("bans deleted"),
            List.of("kick nobody"),
            List.of("kickban"),
            List.of("unban"),
            List.of("clones"),
            List.of("searchlog mod", "sl 127.*", "searchlog nobody"),
            List.of("gban 10.2.2.* testers 1h trying things", "bans", "ungban testers"),
            List.of("stopgame nobody", "stopgame victim"),
            List.of("stats", "requests", "metrics", "wml"),
            List.of("roll abc"));

    private static final Pattern LOG_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (TRACE|DEBUG|INFO|WARN|ERROR) .*");

    @TempDir
    Path temp;

    @Test
    void everyAdminCommandAnswersTheSameInTheShellAsThroughQuery() throws Exception {
        Path home = temp.resolve("server");
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/tavern.lobby.cfg"), "passwd=secret\n");
        try (ServerProcess server = ServerProcess.start(home, true, "-p", "0")) {
            server.awaitStarted();
            server.awaitConsole(t -> t.contains("configuration applied from tavern.lobby"), Duration.ofSeconds(30),
                    "the lobby configuration");
            int port = server.awaitPort();
            try (ProtocolClient mod = login("mod", port); ProtocolClient victim = login("victim", port)) {
                mod.send("[query]\ntype=\"admin secret\"\n[/query]\n");
                mod.sync();
                int marker = 0;
                for (List<String> group : GROUPS) {
                    // each group leaves the state as it found it, so the shell starts where the queries did
                    List<String> viaQuery = new ArrayList<>();
                    for (String command : group) {
                        viaQuery.add(masked(query(mod, command)));
                    }
                    List<String> viaShell = new ArrayList<>();
                    for (String command : group) {
                        viaShell.add(masked(shell(server, ++marker, command)));
                    }
                    assertEquals(viaQuery, viaShell, "group " + group);
                }
                victim.sync();
            }
        }
    }

    @Test
    void shutDownInTheShellLetsPlayersFinishThenExitsCleanly() throws Exception {
        Path home = temp.resolve("server");
        try (ServerProcess server = ServerProcess.start(home, true, "-p", "0")) {
            server.awaitStarted();
            int port = server.awaitPort();
            try (ProtocolClient player = login("player1", port)) {
                String answer = shell(server, 1, "shut_down");
                assertEquals("Server is doing graceful shut down.", answer);
                // the listener is closed before the answer: a newcomer is refused by the system
                org.junit.jupiter.api.Assertions.assertThrows(java.net.ConnectException.class,
                        () -> new java.net.Socket("127.0.0.1", port).close());
                // the lobby first looks for an empty server 10 s after the command (as wesnothd): longer
                // than the client's usual read timeout, counted from about the same moment
                player.readTimeout(java.time.Duration.ofSeconds(30));
                List<String> alerts = new ArrayList<>();
                for (Document document : player.untilClosed()) {
                    Node message = document.root().child("message");
                    if (message != null) {
                        alerts.add(message.attr("message"));
                    }
                }
                assertEquals(List.of("The server is shutting down. You may finish your games but can't start new "
                        + "ones. Once all games have ended the server will exit.",
                        "All games ended. Shutting down now. Reconnect to the new server instance."), alerts);
            }
            assertTrue(server.process.waitFor(60, TimeUnit.SECONDS), "the server exits once no game is left");
            assertEquals(0, server.process.exitValue());
        }
    }

    private static ProtocolClient login(String name, int port) throws Exception {
        return ProtocolClient.loggedIn(name, port);
    }

    /** The text of the server's answer to one {@code /query}. */
    private static String query(ProtocolClient client, String command) throws Exception {
        client.send("[query]\ntype=\"" + command + "\"\n[/query]\n");
        List<Document> replies = client.sync();
        for (int i = replies.size() - 1; i >= 0; i--) {
            Node message = replies.get(i).root().child("message");
            if (message != null && "server".equals(message.attr("sender", ""))) {
                return message.attr("message");
            }
        }
        throw new AssertionError("no answer to /query " + command + ": " + replies);
    }

    /** Types {@code tavern:<command>} (each word quoted, so the shell takes it as it is) between markers. */
    private static String shell(ServerProcess server, int marker, String command) throws Exception {
        String[] words = command.split(" ");
        StringBuilder line = new StringBuilder("tavern:").append(words[0]);
        for (int i = 1; i < words.length; i++) {
            line.append(" \"").append(words[i]).append('"');
        }
        String begin = "@@begin " + marker + "@@";
        String end = "@@end " + marker + "@@";
        server.shell("echo " + begin);
        server.shell(line.toString());
        server.shell("echo " + end);
        String console = server.awaitConsole(text -> text.contains(end), Duration.ofSeconds(30), "shell output " + marker);
        String between = console.substring(console.indexOf(begin) + begin.length(), console.indexOf(end));
        List<String> lines = new ArrayList<>();
        for (String raw : between.split("\n")) {
            String text = raw;
            while (text.startsWith("g! ")) {
                text = text.substring(3);
            }
            if (!LOG_LINE.matcher(text).matches() && !text.startsWith("echo ")) {
                lines.add(text);
            }
        }
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && (lines.get(lines.size() - 1).isBlank() || lines.get(lines.size() - 1).equals("g!"))) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines);
    }

    /**
     * Times and durations differ between the two runs (a login lasts "expired" in one, "1 seconds" in
     * the other): they and every number are masked; and so is a ban's
     * issuer, the moderator's nick in one run and the console's name ({@code *socket*}) in the other.
     */
    private static String masked(String text) {
        String unified = text.replaceAll("issuer: \\S+", "issuer: <issuer>")
                .replaceAll("logged on for (expired|[^\\n]*seconds|[^\\n]*minutes)", "logged on for <time>");
        Matcher matcher = Pattern.compile("\\d+").matcher(unified);
        return matcher.replaceAll("#");
    }
}
