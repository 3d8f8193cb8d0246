package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * The game history in the real server: a short game is played and recorded (players, factions,
 * how it ended, its replay), a player in the next game asks for the history with
 * {@code [game_history_request]}, and a game the server was killed in is recorded as ended by the
 * restart, once the server is up again.
 */
class GameHistoryIT {

    @TempDir
    Path temp;

    @Test
    void aPlayedGameIsRecordedAnsweredAndAKilledOneEndedAtRestart() throws Exception {
        Path home = temp.resolve("server");
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/tavern.lobby.cfg"), "save.replays=true\nreplay.save.path=replays/\n");
        try (ServerProcess server = ServerProcess.start(home, true, "-p", "0")) {
            server.awaitStarted();
            server.awaitConsole(t -> t.contains("configuration applied from tavern.lobby"), Duration.ofSeconds(30),
                    "the lobby configuration");
            int port = server.awaitPort();
            try (ProtocolClient host = ProtocolClient.loggedIn("hoster", port);
                    ProtocolClient join = ProtocolClient.loggedIn("joiner", port)) {
                startGame(host, join, "History one", 1);
                host.send("[turn]\n[command]\n[init_side]\nside_number=1\n[/init_side]\n[/command]\n[/turn]\n");
                awaitChild(join, "turn");
                join.send("[info]\ncondition=\"game over\"\ntype=\"termination\"\n[/info]\n");
                join.send("[leave_game]\n[/leave_game]\n");
                // The joiner's leave first (its side drops to the host), then the host's, which ends the game;
                // sent at once, the two could reach the game in either order.
                awaitChild(host, "side_drop");
                host.send("[leave_game]\n[/leave_game]\n");
                awaitChild(host, "leave_game");
                awaitChild(join, "gamelist");

                // The record is written off the actors: the history shows it once it is in the store.
                server.awaitConsole(t -> t.contains("replay saved to"), Duration.ofSeconds(30), "the replay");
                String listed = history(server, "joiner", "game over");
                assertTrue(listed.contains("History one") && listed.contains("1:hoster(Random) 2:joiner(Random)")
                        && listed.contains("/ game over / replays/"), listed);

                startGame(host, join, "History two", 2);
                host.sync();
                host.send("[game_history_request]\noffset=\"0\"\nsearch_for=\"joiner\"\n[/game_history_request]\n");
                Node results = awaitChild(host, "game_history_results").root().child("game_history_results");
                List<Node> games = results.children("game_history_result");
                assertEquals(1, games.size(), "the running game is not history yet: " + results);
                Node game = games.get(0);
                assertEquals("History one", game.attr("game_name"));
                assertEquals("Multiplayer Unit Test test1", game.attr("scenario_name"));
                assertEquals("Default", game.attr("era_name"));
                assertTrue(game.attr("game_start").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), game.toString());
                assertEquals(List.of("hoster:Random", "joiner:Random"), game.children("player").stream()
                        .map(p -> p.attr("name") + ":" + p.attr("faction")).toList());

                host.send("[game_history_request]\noffset=\"-5\"\nsearch_for=\"joiner\"\n[/game_history_request]\n");
                Document refused = awaitRootAttribute(host, "error");
                assertTrue(refused.root().attr("error").startsWith("Invalid offset"), refused.toString());

                // The second game is running when the server is killed.
                history(server, "hoster", "running");
                server.kill();
            }
        }
        try (ServerProcess again = ServerProcess.start(home, true, "-p", "0")) {
            again.awaitStarted();
            again.awaitPort();
            String listed = history(again, "hoster", "server restart");
            Matcher second = Pattern.compile("(?m)^.*History two.*$").matcher(listed);
            assertTrue(second.find(), listed);
            assertTrue(second.group().contains("/ server restart /"), second.group());
            Matcher first = Pattern.compile("(?m)^.*History one.*$").matcher(listed);
            assertTrue(first.find() && first.group().contains("/ game over /"), listed);
        }
    }

    /** The host creates a game with the captured level, the other joins and takes side 2, the host starts it. */
    private static void startGame(ProtocolClient host, ProtocolClient join, String name, int id) throws Exception {
        host.send("[create_game]\nignored=\"\"\nname=\"" + name + "\"\npassword=\"\"\n[/create_game]\n");
        host.sendGzip(Document.parse(DifferentialIT.capturedLevel()).compressedOutput());
        host.sync();
        join.send("[join]\nid=\"" + id + "\"\nobserve=\"no\"\n[/join]\n");
        awaitChild(join, "user");
        host.send("[scenario_diff]\n[change_child]\nindex=0\n[scenario]\n[change_child]\nindex=1\n[side]\n"
                + "[insert]\ncurrent_player=\"joiner\"\nplayer_id=\"joiner\"\n[/insert]\n[/side]\n[/change_child]\n"
                + "[/scenario]\n[/change_child]\n[/scenario_diff]\n");
        host.send("[start_game]\n[/start_game]\n");
        awaitChild(join, "start_game");
    }

    /**
     * {@code tavern:history <nick>} in the server's shell until its answer shows {@code expected}
     * (records are written off the actors, so the first answers may come before them).
     */
    private static String history(ServerProcess server, String nick, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (int attempt = 0; ; attempt++) {
            String begin = "history-begin-" + attempt + "-" + System.nanoTime();
            String end = "history-end-" + attempt;
            server.shell("echo " + begin);
            server.shell("tavern:history " + nick);
            server.shell("echo " + end);
            String console = server.awaitConsole(t -> t.contains(begin) && t.indexOf(end, t.lastIndexOf(begin)) > 0,
                    Duration.ofSeconds(30), "the history listing");
            int from = console.lastIndexOf(begin);
            String listed = console.substring(from, console.indexOf(end, from));
            if (listed.contains(expected)) {
                return listed;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the history never showed '" + expected + "':\n" + listed);
            }
        }
    }

    /** Reads until a document with that root child arrives (the socket's read timeout bounds the wait). */
    private static Document awaitChild(ProtocolClient client, String tag) throws Exception {
        while (true) {
            Document document = client.receive();
            if (document.root().child(tag) != null) {
                return document;
            }
        }
    }

    private static Document awaitRootAttribute(ProtocolClient client, String key) throws Exception {
        while (true) {
            Document document = client.receive();
            if (document.root().has(key)) {
                assertNotNull(document.root().attr(key));
                return document;
            }
        }
    }
}
