package org.tavern.lobby.internal.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tavern.identity.GamePlayer;
import org.tavern.identity.GameQuery;
import org.tavern.identity.GameStart;
import org.tavern.lobby.internal.ban.StoredBansTest;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.lobby.internal.game.command.GameHistoryRequestCommand;
import org.tavern.lobby.internal.LobbyAssembly;
import org.tavern.lobby.internal.lobby.Lobby;
import org.tavern.lobby.internal.testing.FakeConnection;
import org.tavern.lobby.internal.testing.FakeGameRecords;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** The 1.18 match history: {@code [game_history_request]} with 1.18's search fields, from the lobby. */
class LobbyGameHistoryTest {

    private final Lobby lobby = LobbyAssembly.create(Runnable::run, () -> 1_800_000_000_000L, Settings.defaults()
            .withVersionsAccepted(List.of("1.16.*", "1.18.*")));
    private final FakeGameRecords records = new FakeGameRecords();

    private FakeConnection loggedIn(String name, String version) throws Exception {
        FakeConnection connection = new FakeConnection("127.0.0.1");
        lobby.connected(connection);
        lobby.received(connection, Document.parse("[version]\nversion=\"" + version + "\"\n[/version]\n"));
        lobby.received(connection, Document.parse("[login]\nusername=\"" + name + "\"\n[/login]\n"));
        connection.take();
        return connection;
    }

    private void playedGames(int count) {
        for (int i = 0; i < count; i++) {
            FakeGameRecords.Record record = records.leftOpen(new GameStart(i + 1, "game " + i, "duel", "The Duel",
                    "era_default", "Default", List.of(),
                    List.of(new GamePlayer("alice", 1, "Drakes"), new GamePlayer("bob", 2, "Rebels")),
                    Instant.parse("2026-03-04T05:06:07Z").plusSeconds(i)));
            record.ended = record.started().plusSeconds(600);
        }
    }

    private static String request(String... attributes) {
        return "[game_history_request]\n" + String.join("\n", attributes) + "\n[/game_history_request]\n";
    }

    @Test
    void aPlayerOfThe118LineIsAnsweredFromTheLobby() throws Exception {
        playedGames(13);
        lobby.gameArchive().useStore(records);
        FakeConnection carol = loggedIn("carol", "1.18.5");
        lobby.received(carol, Document.parse(request("offset=0", "search_content=\"\"", "search_content_type=0",
                "search_game_name=\"\"", "search_player=\"alice\"")));
        List<Node> results = carol.takeOne().root().child("game_history_results").children("game_history_result");
        assertEquals(GameHistoryRequestCommand.PAGE, results.size());
        assertEquals("game 12", results.get(0).attr("game_name"));
        GameQuery query = records.queries.get(0);
        assertEquals("alice", query.player());
        assertTrue(query.endedOnly());
        assertEquals(0, query.offset());
    }

    @Test
    void theSearchFieldsBecomeTheQuery() throws Exception {
        lobby.gameArchive().useStore(records);
        FakeConnection carol = loggedIn("carol", "1.18.5");
        lobby.received(carol, Document.parse(request("offset=11", "search_content=\"era_*\"",
                "search_content_type=1", "search_game_name=\"*duel*\"", "search_player=\"\"")));
        assertNotNull(carol.takeOne().root().child("game_history_results"), "an empty result is still an answer");
        GameQuery query = records.queries.get(0);
        assertEquals("", query.player());
        assertEquals("*duel*", query.gameName());
        assertEquals("era_*", query.content());
        assertEquals(GameQuery.ContentType.ERA, query.contentType());
        assertEquals(11, query.offset());
        lobby.received(carol, Document.parse(request("search_content=\"2p_*\"", "search_content_type=0")));
        carol.takeOne();
        assertEquals(GameQuery.ContentType.SCENARIO, records.queries.get(1).contentType());
        lobby.received(carol, Document.parse(request("search_content=\"x\"", "search_content_type=7",
                "search_player=\"bob\"")));
        carol.takeOne();
        assertEquals("", records.queries.get(2).content(), "an unknown content type searches no content");
    }

    @Test
    void whatCannotBeSearchedIsAnsweredWithAnError() throws Exception {
        FakeConnection carol = loggedIn("carol", "1.18.5");
        lobby.received(carol, Document.parse(request("search_player=\"alice\"")));
        assertEquals("This server keeps no game history.", carol.takeOne().root().attr("error"));
        lobby.gameArchive().useStore(records);
        for (String[] bad : new String[][] {
            {"No search parameters provided.", "offset=0", "search_player=\"\""},
            {"Invalid search_player: not a nickname.", "search_player=\"a b\""},
            {"Invalid search_player: not a nickname.", "search_player=\"" + "x".repeat(21) + "\""},
            {"Invalid offset: it must be a number from 0 to 1000.", "offset=-1", "search_player=\"alice\""},
            {"Invalid offset: it must be a number from 0 to 1000.", "offset=x", "search_player=\"alice\""},
            {"Invalid search: at most 100 characters.", "search_game_name=\"" + "g".repeat(101) + "\""},
            {"This server cannot search by modification.", "search_content=\"mod\"", "search_content_type=2"},
        }) {
            lobby.received(carol, Document.parse(request(java.util.Arrays.copyOfRange(bad, 1, bad.length))));
            assertEquals(bad[0], carol.takeOne().root().attr("error"), String.join(" ", bad));
        }
        assertTrue(records.queries.isEmpty(), "the store is not asked");
        records.broken = true;
        lobby.received(carol, Document.parse(request("search_player=\"alice\"")));
        assertEquals("Error retrieving game history.", carol.takeOne().root().attr("error"));
    }

    @Test
    void aPlayerOfThe116LineIsIgnoredInTheLobbyAsWesnothd116Does() throws Exception {
        playedGames(1);
        lobby.gameArchive().useStore(records);
        FakeConnection old = loggedIn("old", "1.16.9");
        lobby.received(old, Document.parse(request("search_player=\"alice\"")));
        assertTrue(old.take().isEmpty());
        assertTrue(records.queries.isEmpty());
    }

    @Test
    void theAnswerFollowsTheSearchThroughTheLobbysActor() throws Exception {
        playedGames(1);
        StoredBansTest.SteppedExecutor searches = new StoredBansTest.SteppedExecutor();
        lobby.gameArchive().useExecutors(Runnable::run, searches);
        lobby.gameArchive().useStore(records);
        FakeConnection carol = loggedIn("carol", "1.18.5");
        lobby.received(carol, Document.parse(request("search_player=\"alice\"")));
        assertTrue(carol.take().isEmpty(), "searching off the actor");
        searches.runAll();
        assertEquals(1, carol.takeOne().root().child("game_history_results").children("game_history_result").size());
    }
}
