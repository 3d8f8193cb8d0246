package org.tavern.lobby.internal.lobby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tavern.lobby.internal.LobbyAssembly;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.lobby.internal.common.VersionLine;
import org.tavern.lobby.internal.testing.FakeConnection;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * One lobby per version line on one server: each line its own list of games and players, lobby
 * chat and games never cross; nicks are unique across lines; whispers, admin alerts and moderators'
 * reports reach every line.
 */
class LineLobbiesTest {

    static final String LEVEL = "[multiplayer]\nobserver=\"yes\"\n[/multiplayer]\n"
            + "[scenario]\nid=\"duel\"\nname=\"The Duel\"\n[side]\ncontroller=\"human\"\nside=\"1\"\n[/side]\n"
            + "[side]\ncontroller=\"human\"\nside=\"2\"\n[/side]\n[/scenario]\n";

    private final Lobby lobby = LobbyAssembly.create(Runnable::run, () -> 1_000_000, Settings.defaults());

    private FakeConnection connect(String version) throws Exception {
        FakeConnection connection = new FakeConnection("127.0.0.1");
        lobby.connected(connection);
        connection.take();
        lobby.received(connection, Document.parse("[version]\nversion=\"" + version + "\"\n[/version]\n"));
        assertNotNull(connection.takeOne().root().child("mustlogin"), version + " is accepted by default");
        return connection;
    }

    /** Logs in; returns the connection and keeps the nicks listed in the list he got. */
    private FakeConnection loggedIn(String name, String version, List<String> listed) throws Exception {
        FakeConnection connection = connect(version);
        lobby.received(connection, Document.parse("[login]\nusername=\"" + name + "\"\n[/login]\n"));
        for (Document document : connection.take()) {
            if (document.root().child("gamelist") != null) {
                for (Node user : document.root().children("user")) {
                    listed.add(user.attr("name"));
                }
            }
        }
        return connection;
    }

    private FakeConnection loggedIn(String name, String version) throws Exception {
        return loggedIn(name, version, new ArrayList<>());
    }

    private void send(FakeConnection connection, String wml) throws Exception {
        lobby.received(connection, Document.parse(wml));
    }

    private static String chatText(List<Document> documents) {
        StringBuilder text = new StringBuilder();
        for (Document document : documents) {
            Node message = document.root().child("message");
            Node whisper = document.root().child("whisper");
            if (message != null) {
                text.append(message.attr("sender")).append(": ").append(message.attr("message")).append('\n');
            }
            if (whisper != null) {
                text.append(whisper.attr("sender")).append(" whispers: ").append(whisper.attr("message")).append('\n');
            }
        }
        return text.toString();
    }

    @Test
    void eachLineListsOnlyItsOwnPlayers() throws Exception {
        FakeConnection old1 = loggedIn("old1", "1.16.9");
        FakeConnection new1 = loggedIn("new1", "1.18.5");
        assertTrue(old1.take().isEmpty(), "a 1.18 login is no news to the 1.16 lobby");
        List<String> listed = new ArrayList<>();
        loggedIn("new2", "1.18.4", listed);
        assertEquals(List.of("new1", "new2"), listed);
        assertTrue(old1.take().isEmpty());
        assertFalse(new1.take().isEmpty(), "new1 hears of new2");
        List<String> oldListed = new ArrayList<>();
        loggedIn("old2", "1.16.3", oldListed);
        assertEquals(List.of("old1", "old2"), oldListed);
        assertEquals(List.of(VersionLine.V1_16, VersionLine.V1_18), lobby.lines());
    }

    @Test
    void gamesAreListedAndJoinedInTheirLineOnly() throws Exception {
        FakeConnection oldHost = loggedIn("oldhost", "1.16.9");
        FakeConnection newHost = loggedIn("newhost", "1.18.5");
        FakeConnection newWatcher = loggedIn("newwatcher", "1.18.5");
        FakeConnection oldWatcher = loggedIn("oldwatcher", "1.16.9");
        send(newHost, "[create_game]\nname=\"Eighteen\"\npassword=\"\"\n[/create_game]\n");
        send(newHost, LEVEL);
        assertTrue(oldWatcher.take().stream().noneMatch(d -> d.root().child("gamelist_diff") != null),
                "the 1.16 lobby never hears of the 1.18 game");
        assertTrue(newWatcher.take().stream().anyMatch(d -> d.output().length > 0
                && new String(d.output()).contains("Eighteen")));
        int id = lobby.games().get(0).id;
        send(oldWatcher, "[join]\nid=\"" + id + "\"\nobserve=\"yes\"\n[/join]\n");
        List<Document> refused = oldWatcher.take();
        assertTrue(refused.stream().anyMatch(d -> d.root().child("message") != null
                && "Attempt to join unknown game.".equals(d.root().child("message").attr("message"))), refused.toString());
        assertTrue(refused.stream().anyMatch(d -> d.root().child("gamelist") != null
                && d.root().child("gamelist").children("game").isEmpty()), "his list has no game");
        send(oldHost, "[create_game]\nname=\"Sixteen\"\npassword=\"\"\n[/create_game]\n");
        send(oldHost, LEVEL);
        assertTrue(newWatcher.take().stream().noneMatch(d -> new String(d.output()).contains("Sixteen")));
        assertTrue(oldWatcher.take().stream().anyMatch(d -> new String(d.output()).contains("Sixteen")));
        assertEquals(2, lobby.games().size());
        assertTrue(lobby.games().get(1).id > id, "game ids are numbered server-wide");
    }

    @Test
    void lobbyChatStaysInItsLineWhispersAndAlertsCross() throws Exception {
        FakeConnection old1 = loggedIn("old1", "1.16.9");
        FakeConnection new1 = loggedIn("new1", "1.18.5");
        FakeConnection new2 = loggedIn("new2", "1.18.5");
        old1.take();
        new1.take();
        send(new1, "[message]\nmessage=\"hello eighteen\"\nroom=\"lobby\"\n[/message]\n");
        assertEquals("new1: hello eighteen\n", chatText(new2.take()));
        assertEquals("", chatText(old1.take()), "lobby chat never crosses");
        send(old1, "[whisper]\nmessage=\"psst\"\nreceiver=\"new1\"\n[/whisper]\n");
        assertEquals("old1 whispers: psst\n", chatText(new1.take()), "a whisper reaches another line");
        lobby.alertEveryone("Server restart soon");
        for (FakeConnection everyone : List.of(old1, new1, new2)) {
            assertTrue(chatText(everyone.take()).contains("Server restart soon"), "an admin alert reaches every line");
        }
    }

    @Test
    void aNickIsUniqueAcrossLines() throws Exception {
        loggedIn("alice", "1.16.9");
        FakeConnection twin = connect("1.18.5");
        send(twin, "[login]\nusername=\"alice\"\n[/login]\n");
        Node error = twin.takeOne().root().child("error");
        assertEquals("101", error.attr("error_code"));
        assertEquals("The nickname 'alice' is already taken.", error.attr("message"));
        send(twin, "[login]\nusername=\"alice2\"\n[/login]\n");
        assertNotNull(twin.take().get(0).root().child("join_lobby"), "another nick gets in");
    }

    @Test
    void aVersionWithoutNumbersIsInThePrimaryLine() throws Exception {
        List<String> listed = new ArrayList<>();
        loggedIn("old", "1.16.9");
        loggedIn("tester", "test", listed);
        assertEquals(List.of("old", "tester"), listed, "the first accepted pattern is 1.16.*");
        Lobby eighteen = LobbyAssembly.create(Runnable::run, () -> 1_000_000, Settings.defaults()
                .withVersionsAccepted(List.of("1.18.*", "test")));
        FakeConnection tester = new FakeConnection("127.0.0.1");
        eighteen.connected(tester);
        eighteen.received(tester, Document.parse("[version]\nversion=\"test\"\n[/version]\n"));
        eighteen.received(tester, Document.parse("[login]\nusername=\"tester\"\n[/login]\n"));
        assertEquals(VersionLine.V1_18, eighteen.user("tester").line);
    }

    @Test
    void theListSizeIsToldPerLineAndToTheConsole() throws Exception {
        assertTrue(lobby.listStatistics(null).startsWith("Lobby list: 0 users, 0 games"), "nobody yet");
        loggedIn("old", "1.16.9");
        loggedIn("new1", "1.18.5");
        loggedIn("new2", "1.18.5");
        assertTrue(lobby.listStatistics(lobby.user("new1")).startsWith("Lobby list: 2 users, 0 games"));
        assertTrue(lobby.listStatistics(null).startsWith("Lobby list: 1 users, 0 games"), "the console: the first line");
    }

    @Test
    void aLineIsForgottenWithItsLastPlayer() throws Exception {
        FakeConnection only = loggedIn("only", "1.18.5");
        loggedIn("old", "1.16.9");
        assertEquals(2, lobby.lines().size());
        lobby.disconnected(only, "gone");
        assertEquals(List.of(VersionLine.V1_16), lobby.lines());
    }

    @Test
    void moderatorsSeeEveryLineInStatusAndStats() throws Exception {
        FakeConnection mod = loggedIn("mod", "1.16.9");
        loggedIn("eighteen", "1.18.5");
        lobby.setModerator(lobby.user("mod"), true);
        send(mod, "[query]\ntype=\"status\"\n[/query]\n");
        String status = mod.takeOne().root().child("message").attr("message");
        assertTrue(status.contains("'mod' @ 127.0.0.1 logged on for") && status.contains("(version line 1.16)"), status);
        assertTrue(status.contains("'eighteen' @ 127.0.0.1") && status.contains("(version line 1.18)"), status);
        send(mod, "[query]\ntype=\"stats\"\n[/query]\n");
        String stats = mod.takeOne().root().child("message").attr("message");
        assertTrue(stats.startsWith("Number of games = 0\nTotal number of users = 2"), stats);
        assertTrue(stats.contains("Version line 1.16: 0 games, 1 users\nVersion line 1.18: 0 games, 1 users"), stats);
    }
}
