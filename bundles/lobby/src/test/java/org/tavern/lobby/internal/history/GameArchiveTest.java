package org.tavern.lobby.internal.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.identity.GamePlayer;
import org.tavern.identity.GameStart;
import org.tavern.lobby.internal.LobbyAssembly;
import org.tavern.lobby.internal.ban.StoredBansTest;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.game.command.GameHistoryRequestCommand;
import org.tavern.lobby.internal.lobby.Lobby;
import org.tavern.lobby.internal.testing.FakeConnection;
import org.tavern.lobby.internal.testing.FakeGameRecords;
import org.tavern.lobby.internal.testing.LobbyDriver;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * The game history the lobby writes (every actor runs its task at once; the store's writes run on
 * an executor the test steps by hand where it matters) and {@code [game_history_request]}.
 */
class GameArchiveTest {

    static final String LEVEL = "[multiplayer]\nactive_mods=\"plan_unit_advance\"\nmp_era=\"era_default\"\n"
            + "mp_era_name=\"Default\"\nmp_scenario=\"duel\"\nmp_scenario_name=\"The Duel\"\nobserver=\"yes\"\n"
            + "[addon]\nid=\"mainline\"\n[content]\nid=\"plan_unit_advance\"\nname=\"Plan Unit Advancement\"\n"
            + "type=\"modification\"\n[/content]\n[/addon]\n[/multiplayer]\n"
            + "[scenario]\nid=\"duel\"\nname=\"The Duel\"\nturns=\"10\"\n"
            + "[side]\ncontroller=\"human\"\nfaction=\"Drakes\"\nplayer_id=\"host\"\nside=\"1\"\n[/side]\n"
            + "[side]\ncontroller=\"human\"\nfaction=\"Knalgans\"\nside=\"2\"\n[/side]\n"
            + "[side]\ncontroller=\"null\"\nside=\"3\"\n[/side]\n[/scenario]\n";

    @TempDir
    Path temp;

    private long now = 1_800_000_000_000L;
    private final Lobby lobby = LobbyAssembly.create(Runnable::run, () -> now, Settings.defaults());
    private final LobbyDriver clients = new LobbyDriver(lobby);
    private final FakeGameRecords records = new FakeGameRecords();

    private void playATurn(FakeConnection host) throws Exception {
        clients.send(host, "[turn]\n[command]\n[move]\nx=\"1\"\n[/move]\n[/command]\n[/turn]\n");
    }

    @Test
    void aGameIsRecordedFromItsStartToItsEndWithItsReplay() throws Exception {
        StoredBansTest.SteppedExecutor writes = new StoredBansTest.SteppedExecutor();
        lobby.gameArchive().useExecutors(writes, Runnable::run);
        lobby.gameArchive().useStore(records);
        writes.runAll();
        FakeConnection host = clients.loggedIn("host");
        FakeConnection join = clients.loggedIn("join");
        try (ReplayWriter writer = new ReplayWriter(temp.resolve("replays") + "/")) {
            lobby.services().useReplays(writer);
            clients.startDuel(host, join, LEVEL);
            assertTrue(records.records.isEmpty(), "written off the game's actor, not yet");
            writes.runAll();
            FakeGameRecords.Record record = records.records.get(0);
            assertEquals("Duel", record.name());
            assertEquals(1, record.lobbyId());
            assertEquals("duel", record.scenarioId());
            assertEquals("The Duel", record.scenario());
            assertEquals("era_default", record.eraId());
            assertEquals("Default", record.era());
            assertEquals(List.of("Plan Unit Advancement"), record.modifications());
            assertEquals(List.of(new GamePlayer("host", 1, "Drakes"), new GamePlayer("join", 2, "Knalgans")),
                    record.seats(), "the null side has nobody");
            assertEquals(Instant.ofEpochMilli(now), record.started());

            playATurn(host);
            clients.send(join, "[info]\ncondition=\"game over\"\ntype=\"termination\"\n[/info]\n");
            now += 60_000;
            clients.send(join, "[leave_game]\n[/leave_game]\n");
            clients.send(host, "[leave_game]\n[/leave_game]\n");
            assertTrue(record.ended().isEmpty());
            writes.runAll();
            assertEquals(Instant.ofEpochMilli(now), record.ended().orElseThrow());
            assertEquals("game over", record.terminationReason().orElseThrow());
            assertTrue(record.replayFile().orElseThrow().endsWith("replays/The_Duel_Turn_1_(1).bz2"),
                    record.replayFile().toString());
        }
        assertEquals(0, lobby.gameArchive().openRecords());
    }

    @Test
    void aGameTakenOverByTheNextLobbyHasItsEndRecordedInTheRecordTheFirstOpened() throws Exception {
        lobby.gameArchive().useStore(records);
        FakeConnection host = clients.loggedIn("host");
        FakeConnection join = clients.loggedIn("join");
        clients.startDuel(host, join, LEVEL);
        org.tavern.lobby.internal.snapshot.LobbySnapshot snapshot = lobby.handover().capture().join();
        assertEquals(java.util.Map.of(1, records.records.get(0).id()), snapshot.openRecords());

        // the next lobby (a live upgrade) takes the game over before its store is bound, as at activation
        Lobby next = LobbyAssembly.create(Runnable::run, () -> now, Settings.defaults());
        java.util.Map<Long, FakeConnection> connections = java.util.Map.of(host.id(), host, join.id(), join);
        next.handover().restore(snapshot, connections::get).join();
        assertEquals(snapshot.openRecords(), next.gameArchive().openRecordIds(), "kept until a store comes");
        next.gameArchive().useStore(records);
        now += 60_000;
        LobbyDriver nextClients = new LobbyDriver(next);
        nextClients.send(join, "[leave_game]\n[/leave_game]\n");
        nextClients.send(host, "[leave_game]\n[/leave_game]\n");
        assertEquals(1, records.records.size(), "no second record");
        assertEquals(Instant.ofEpochMilli(now), records.records.get(0).ended().orElseThrow(),
                "the end is recorded in the record the first lobby opened");
        assertEquals(0, next.gameArchive().openRecords());
    }

    @Test
    void eachScenarioOfACampaignIsARecordOfItsOwn() throws Exception {
        lobby.gameArchive().useStore(records);
        FakeConnection host = clients.loggedIn("host");
        FakeConnection join = clients.loggedIn("join");
        clients.startDuel(host, join, LEVEL);
        playATurn(host);
        clients.send(host, "[store_next_scenario]\n" + LEVEL.replace("duel", "second") + "[/store_next_scenario]\n");
        assertEquals(1, records.records.size());
        assertEquals(Game.NEXT_SCENARIO, records.records.get(0).terminationReason().orElseThrow());
        clients.send(join, "[load_next_scenario]\n[/load_next_scenario]\n");
        clients.send(host, "[start_game]\n[/start_game]\n");
        assertEquals(2, records.records.size());
        FakeGameRecords.Record second = records.records.get(1);
        assertEquals("second", second.scenarioId());
        assertEquals(1, second.lobbyId(), "the same game");
        assertTrue(second.ended().isEmpty());
        clients.send(host, "[leave_game]\n[/leave_game]\n");
        clients.send(join, "[leave_game]\n[/leave_game]\n");
        assertEquals("aborted", second.terminationReason().orElseThrow(), "nobody reported how it ended");
    }

    private static GameStart abandoned(long startedMillis) {
        return new GameStart(7, "crashed", "s", "S", "e", "E", List.of(), List.of(new GamePlayer("x", 1, "")),
                Instant.ofEpochMilli(startedMillis));
    }

    @Test
    void recordsAnEarlierRunLeftOpenAreEndedOnceAtStart() {
        FakeGameRecords.Record left = records.leftOpen(abandoned(now - 5_000));
        records.instance = "other";
        FakeGameRecords.Record otherServers = records.leftOpen(abandoned(now - 5_000));
        records.instance = "";
        lobby.gameArchive().useStore(records);
        assertEquals(GameArchive.ABANDONED_REASON, left.terminationReason().orElseThrow());
        assertEquals(Instant.ofEpochMilli(now), left.ended().orElseThrow());
        assertTrue(otherServers.ended().isEmpty(), "another server's running game is left alone");

        FakeGameRecords.Record later = records.leftOpen(abandoned(now - 1_000));
        lobby.gameArchive().dropStore(records);
        lobby.gameArchive().useStore(records); // bound again: not a new start
        assertTrue(later.ended().isEmpty(), "ended once, at the first store");
    }

    @Test
    void aFailingStoreNeverStopsTheGame() throws Exception {
        lobby.gameArchive().useStore(records);
        records.broken = true;
        FakeConnection host = clients.loggedIn("host");
        FakeConnection join = clients.loggedIn("join");
        clients.startDuel(host, join, LEVEL);
        join.take();
        playATurn(host);
        assertNotNull(join.takeOne().root().child("turn"), "the relay goes on");
        clients.send(host, "[leave_game]\n[/leave_game]\n");
        assertTrue(records.records.isEmpty());
    }

    @Test
    void withoutAStoreNothingIsRecordedAndGamesRun() throws Exception {
        FakeConnection host = clients.loggedIn("host");
        FakeConnection join = clients.loggedIn("join");
        clients.startDuel(host, join, LEVEL);
        join.take();
        playATurn(host);
        assertNotNull(join.takeOne().root().child("turn"));
        assertEquals(0, lobby.gameArchive().openRecords());
    }

    @Test
    void runningGamesEndWithTheServer() throws Exception {
        lobby.gameArchive().useStore(records);
        clients.startDuel(clients.loggedIn("host"), clients.loggedIn("join"), LEVEL);
        lobby.gameArchive().endAll();
        assertEquals(GameArchive.SHUTDOWN_REASON, records.records.get(0).terminationReason().orElseThrow());
    }

    // ------------------------------------------------------------------ [game_history_request]

    private void playedGames(int count) {
        for (int i = 0; i < count; i++) {
            FakeGameRecords.Record record = records.leftOpen(new GameStart(i + 1, "game " + i, "duel", "The Duel",
                    "era_default", "Default", List.of("Plan Unit Advancement"),
                    List.of(new GamePlayer("alice", 1, "Drakes"), new GamePlayer("bob", 2, "Rebels")),
                    Instant.parse("2026-03-04T05:06:07Z").plusSeconds(i)));
            record.ended = record.started().plusSeconds(600);
        }
    }

    /** host in a running game asks; the answer he gets. */
    private Document ask(String request) throws Exception {
        FakeConnection host = clients.loggedIn("host");
        FakeConnection join = clients.loggedIn("join");
        clients.startDuel(host, join, LEVEL);
        host.take();
        clients.send(host, request);
        List<Document> got = host.take();
        return got.isEmpty() ? null : got.get(got.size() - 1);
    }

    @Test
    void theHistoryIsAnsweredNewestFirstElevenAtATime() throws Exception {
        playedGames(13);
        lobby.gameArchive().useStore(records);
        Document answer = ask("[game_history_request]\noffset=\"0\"\nsearch_for=\"Alice\"\n[/game_history_request]\n");
        List<Node> results = answer.root().child("game_history_results").children("game_history_result");
        assertEquals(GameHistoryRequestCommand.PAGE, results.size());
        Node newest = results.get(0);
        assertEquals("game 12", newest.attr("game_name"));
        assertEquals("2026-03-04 05:06:19", newest.attr("game_start"));
        assertEquals("The Duel", newest.attr("scenario_name"));
        assertEquals("Default", newest.attr("era_name"));
        assertEquals("", newest.attr("replay_url"));
        List<Node> players = newest.children("player");
        assertEquals(List.of("alice:Drakes", "bob:Rebels"),
                players.stream().map(p -> p.attr("name") + ":" + p.attr("faction")).toList());
        assertEquals("Plan Unit Advancement", newest.child("modification").attr("name"));
        assertTrue(records.queries.get(0).endedOnly(), "running games are not history");
    }

    @Test
    void theSecondPageStartsAtTheOffset() throws Exception {
        playedGames(13);
        lobby.gameArchive().useStore(records);
        Document answer = ask("[game_history_request]\noffset=\"11\"\nsearch_for=\"alice\"\n[/game_history_request]\n");
        List<Node> results = answer.root().child("game_history_results").children("game_history_result");
        assertEquals(List.of("game 1", "game 0"), results.stream().map(r -> r.attr("game_name")).toList());
    }

    @Test
    void inTheLobbyWithoutAStoreOrWithoutANickNothingIsAnswered() throws Exception {
        playedGames(1);
        FakeConnection alone = clients.loggedIn("alone");
        clients.send(alone, "[game_history_request]\noffset=\"0\"\nsearch_for=\"alice\"\n[/game_history_request]\n");
        assertTrue(alone.take().isEmpty(), "no store");
        lobby.gameArchive().useStore(records);
        clients.send(alone, "[game_history_request]\noffset=\"0\"\nsearch_for=\"alice\"\n[/game_history_request]\n");
        assertTrue(alone.take().isEmpty(), "in the lobby: ignored, as wesnothd 1.16 does");
        assertTrue(records.queries.isEmpty());
        assertNull(ask("[game_history_request]\noffset=\"0\"\n[/game_history_request]\n"), "nobody to search for");
    }

    @Test
    void badRequestsGetAClearError() throws Exception {
        lobby.gameArchive().useStore(records);
        FakeConnection host = clients.loggedIn("host");
        clients.startDuel(host, clients.loggedIn("join"), LEVEL);
        host.take();
        for (String offset : List.of("-1", "abc", "1001", "99999999999")) {
            clients.send(host, "[game_history_request]\noffset=\"" + offset + "\"\nsearch_for=\"alice\"\n[/game_history_request]\n");
            assertEquals("Invalid offset: it must be a number from 0 to 1000.", host.takeOne().root().attr("error"),
                    offset);
        }
        clients.send(host, "[game_history_request]\noffset=\"0\"\nsearch_for=\"a*\"\n[/game_history_request]\n");
        assertEquals("Invalid search_for: not a nickname.", host.takeOne().root().attr("error"));
        clients.send(host, "[game_history_request]\nsearch_for=\"" + "x".repeat(21) + "\"\n[/game_history_request]\n");
        assertEquals("Invalid search_for: not a nickname.", host.takeOne().root().attr("error"));
        assertTrue(records.queries.isEmpty(), "the store is not asked");

        records.broken = true;
        clients.send(host, "[game_history_request]\nsearch_for=\"alice\"\n[/game_history_request]\n");
        assertEquals(GameHistoryRequestCommand.RETRIEVAL_ERROR, host.takeOne().root().attr("error"));

        records.broken = false;
        lobby.gameArchive().useExecutors(Runnable::run, task -> {
            throw new RejectedExecutionException("full");
        });
        clients.send(host, "[game_history_request]\nsearch_for=\"alice\"\n[/game_history_request]\n");
        assertEquals(GameHistoryRequestCommand.BUSY_ERROR, host.takeOne().root().attr("error"));
    }

    @Test
    void theAnswerIsSentThroughTheGamesActorAfterTheSearch() throws Exception {
        playedGames(1);
        StoredBansTest.SteppedExecutor searches = new StoredBansTest.SteppedExecutor();
        lobby.gameArchive().useExecutors(Runnable::run, searches);
        lobby.gameArchive().useStore(records);
        FakeConnection host = clients.loggedIn("host");
        clients.startDuel(host, clients.loggedIn("join"), LEVEL);
        host.take();
        clients.send(host, "[game_history_request]\nsearch_for=\"alice\"\n[/game_history_request]\n");
        assertTrue(host.take().isEmpty(), "searching off the actor");
        searches.runAll();
        assertNotNull(host.takeOne().root().child("game_history_results"));
    }
}
