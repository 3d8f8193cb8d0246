package org.tavern.lobby.internal.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.lobby.internal.LobbyAssembly;
import org.tavern.lobby.internal.lobby.Lobby;
import org.tavern.lobby.internal.testing.FakeConnection;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** What a game of the 1.18 line does as wesnothd 1.18 does, and a game of the 1.16 line does not. */
class Line118GameTest {

    static final String MODIFICATIONS = "[modification]\naddon_id=\"a\"\nid=\"mod_a\"\nname=\"Mod A\"\n"
            + "require_modification=\"yes\"\n[/modification]\n"
            + "[modification]\naddon_id=\"b\"\nid=\"mod_b\"\nname=\"Mod B\"\nrequire_modification=\"no\"\n"
            + "[/modification]\n[modification]\nid=\"mod_c\"\nname=\"Mod C\"\n[/modification]\n";

    private final Lobby lobby = LobbyAssembly.create(Runnable::run, () -> 1_000_000, Settings.defaults()
            .withVersionsAccepted(List.of("1.16.*", "1.18.*")));

    private FakeConnection loggedIn(String name, String version) throws Exception {
        FakeConnection connection = new FakeConnection("127.0.0.1");
        lobby.connected(connection);
        lobby.received(connection, Document.parse("[version]\nversion=\"" + version + "\"\n[/version]\n"));
        lobby.received(connection, Document.parse("[login]\nusername=\"" + name + "\"\n[/login]\n"));
        connection.take();
        return connection;
    }

    private void send(FakeConnection connection, String wml) throws Exception {
        lobby.received(connection, Document.parse(wml));
    }

    private void createDuel(FakeConnection host, String level) throws Exception {
        send(host, "[create_game]\nname=\"Duel\"\npassword=\"\"\n[/create_game]\n");
        send(host, level);
    }

    private static Node command(Document document) {
        Node turn = document.root().child("turn");
        return turn == null ? null : turn.child("command");
    }

    private static List<String> chatIn(List<Document> documents) {
        return documents.stream().map(d -> d.root().child("message")).filter(m -> m != null && m.has("sender")
                && !m.attrEquals("sender", "server")).map(m -> m.attr("sender") + ": " + m.attr("message")).toList();
    }

    @Test
    void answersToServerChoicesNameTheirRequestIn118Only() throws Exception {
        int gameId = 0;
        for (String version : List.of("1.18.5", "1.16.9")) {
            gameId++;
            FakeConnection host = loggedIn("host" + gameId, version);
            FakeConnection join = loggedIn("join" + gameId, version);
            send(host, "[create_game]\nname=\"Duel\"\npassword=\"\"\n[/create_game]\n");
            send(host, GameTest.LEVEL.replace("player_id=\"host\"", "player_id=\"host" + gameId + "\""));
            send(join, "[join]\nid=\"" + gameId + "\"\nobserve=\"no\"\n[/join]\n");
            send(host, "[scenario_diff]\n[change_child]\nindex=0\n[scenario]\n[change_child]\nindex=1\n[side]\n"
                    + "[insert]\nplayer_id=\"join" + gameId + "\"\n[/insert]\n[/side]\n[/change_child]\n[/scenario]\n"
                    + "[/change_child]\n[/scenario_diff]\n");
            send(host, "[start_game]\n[/start_game]\n");
            host.take();
            join.take();
            send(join, "[request_choice]\nrequest_id=\"4\"\n[random_seed]\n[/random_seed]\n[/request_choice]\n");
            Node seed = command(host.takeOne()).child("random_seed");
            join.take();
            send(host, "[request_choice]\nrequest_id=\"5\"\n[change_controller_wml]\nnew_controller=\"ai\"\n"
                    + "old_controller=\"human\"\nside=\"2\"\n[/change_controller_wml]\n[/request_choice]\n");
            Node forJoin = command(join.takeOne()).child("change_controller_wml");
            Node forHost = command(host.takeOne()).child("change_controller_wml");
            if (version.startsWith("1.18")) {
                assertEquals("4", seed.attr("request_id"));
                assertEquals("5", forJoin.attr("request_id"));
                assertEquals("5", forHost.attr("request_id"));
            } else {
                assertFalse(seed.has("request_id"), "1.16 answers carry no request_id");
                assertFalse(forJoin.has("request_id") || forHost.has("request_id"));
            }
        }
    }

    @Test
    void theChatBeforeTheStartIsReplayedToWhoeverJoinsBeforeIt() throws Exception {
        FakeConnection host = loggedIn("host", "1.18.5");
        FakeConnection join = loggedIn("join", "1.18.5");
        FakeConnection obs = loggedIn("obs", "1.18.5");
        createDuel(host, GameTest.LEVEL);
        send(join, "[join]\nid=\"1\"\nobserve=\"no\"\n[/join]\n");
        send(join, "[message]\nmessage=\"ready\"\nsender=\"join\"\n[/message]\n");
        send(host, "[message]\nmessage=\"go on\"\nsender=\"mallory\"\n[/message]\n");
        send(obs, "[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n");
        assertEquals(List.of("join: ready", "host: go on"), chatIn(obs.take()), "the real senders, in order");
        host.take();
        join.take();
        send(host, "[start_game]\n[/start_game]\n");
        FakeConnection late = loggedIn("late", "1.18.5");
        send(late, "[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n");
        assertEquals(List.of(), chatIn(late.take()), "after the start a joiner gets the game's history instead");
    }

    @Test
    void theReplayedChatIsBounded() throws Exception {
        FakeConnection host = loggedIn("host", "1.18.5");
        createDuel(host, GameTest.LEVEL);
        for (int i = 0; i < PreStartChat.LIMIT + 5; i++) {
            send(host, "[message]\nmessage=\"line " + i + "\"\n[/message]\n");
        }
        FakeConnection obs = loggedIn("obs", "1.18.5");
        send(obs, "[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n");
        List<String> chat = chatIn(obs.take());
        assertEquals(PreStartChat.LIMIT, chat.size());
        assertEquals("host: line 5", chat.get(0), "the oldest dropped");
    }

    @Test
    void a116GameReplaysNoChat() throws Exception {
        FakeConnection host = loggedIn("host", "1.16.9");
        FakeConnection obs = loggedIn("obs", "1.16.9");
        createDuel(host, GameTest.LEVEL);
        send(host, "[message]\nmessage=\"hello\"\n[/message]\n");
        send(obs, "[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n");
        assertEquals(List.of(), chatIn(obs.take()));
    }

    private List<Node> listedModifications(String hostVersion) throws Exception {
        FakeConnection host = loggedIn("host", hostVersion);
        FakeConnection watcher = loggedIn("watcher", hostVersion);
        createDuel(host, MODIFICATIONS + GameTest.LEVEL);
        for (Document document : watcher.take()) {
            Node diff = document.root().child("gamelist_diff");
            if (diff != null) {
                Node game = diff.child("change_child").child("gamelist").child("insert_child").child("game");
                return game.children("modification");
            }
        }
        throw new AssertionError("the game was not listed");
    }

    @Test
    void modificationsAreListedInWesnothdsOrderWithEmptyAttributes() throws Exception {
        List<Node> listed = listedModifications("1.16.9");
        assertEquals(List.of("mod_c", "mod_b", "mod_a"), listed.stream().map(m -> m.attr("id")).toList(),
                "each put in front, as wesnothd does");
        assertEquals("", listed.get(0).attr("addon_id"));
        assertTrue(listed.get(0).has("addon_id"), "written even when empty");
        assertEquals("yes", listed.get(2).attr("require_modification"));
        assertNull(listed.get(1).attr("require_modification", null), "1.16 writes only yes");
    }

    @Test
    void the118LineCopiesRequireModificationAsTheLevelHasIt() throws Exception {
        List<Node> listed = listedModifications("1.18.5");
        assertEquals(List.of("", "no", "yes"), listed.stream().map(m -> m.attr("require_modification")).toList());
        assertTrue(listed.get(0).has("require_modification"), "written even when the level has none");
    }
}
