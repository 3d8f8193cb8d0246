package org.tavern.lobby.internal.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.lobby.internal.LobbyAssembly;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.lobby.internal.history.ReplayWriter;
import org.tavern.lobby.internal.lobby.Lobby;
import org.tavern.lobby.internal.testing.FakeConnection;
import org.tavern.lobby.internal.testing.LobbyDriver;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** A game driven synchronously (every actor runs its task at once), from creation to its replay. */
public class GameTest {

    public static final String LEVEL = "[multiplayer]\nobserver=\"yes\"\n[/multiplayer]\n"
            + "[scenario]\nid=\"duel\"\nname=\"The Duel\"\nturns=\"10\"\n"
            + "[side]\ncontroller=\"human\"\nplayer_id=\"host\"\nside=\"1\"\n[/side]\n"
            + "[side]\ncontroller=\"human\"\nside=\"2\"\n[/side]\n[/scenario]\n";

    @TempDir
    Path temp;

    private final Lobby lobby = LobbyAssembly.create(Runnable::run, () -> 1_000_000, Settings.defaults());
    private final LobbyDriver clients = new LobbyDriver(lobby);

    private static String speakOf(Document document) {
        Node turn = document.root().child("turn");
        Node speak = turn == null ? null : turn.child("command").child("speak");
        return speak == null ? null : speak.attr("message");
    }

    @Test
    void aPlayedScenarioIsSavedAsAReplayWhenTheGameEnds() throws Exception {
        Path folder = temp.resolve("replays");
        try (ReplayWriter writer = new ReplayWriter(folder + "/")) {
            lobby.services().useReplays(writer);
            FakeConnection host = clients.loggedIn("host");
            FakeConnection join = clients.loggedIn("join");
            clients.startDuel(host, join, LEVEL);
            clients.send(host, "[turn]\n[command]\n[move]\nx=\"1\"\n[/move]\n[/command]\n[/turn]\n");
            clients.send(host, "[turn]\n[command]\n[end_turn]\nnext_player_number=2\n[/end_turn]\n[/command]\n[/turn]\n");
            clients.send(join, "[turn]\n[command]\n[recruit]\ntype=\"Grunt\"\n[/recruit]\n[/command]\n[/turn]\n");
            join.take();
            clients.send(join, "[leave_game]\n[/leave_game]\n");
            clients.send(host, "[leave_game]\n[/leave_game]\n");
        }
        Path file = folder.resolve("The_Duel_Turn_1_(1).bz2");
        assertTrue(Files.exists(file), "replay written: " + List.of(folder.toFile().list()));
        try (BZip2CompressorInputStream in = new BZip2CompressorInputStream(Files.newInputStream(file))) {
            Document replay = Document.parse(in.readAllBytes());
            assertEquals("Duel", replay.root().attr("mp_game_title"));
            assertEquals("duel", replay.root().child("scenario").attr("id"));
            List<Node> commands = replay.root().child("replay").children("command");
            assertNotNull(commands.get(0).child("start"));
            assertNotNull(commands.get(1).child("move"));
            assertNotNull(commands.get(2).child("end_turn"));
            assertNotNull(commands.get(3).child("recruit"));
        }
    }

    @Test
    void relayedTurnsAndTheirBytesAreCounted() throws Exception {
        FakeConnection host = clients.loggedIn("host");
        FakeConnection join = clients.loggedIn("join");
        FakeConnection watcher = clients.loggedIn("watcher");
        clients.startDuel(host, join, LEVEL);
        clients.send(watcher, "[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n");
        for (FakeConnection member : List.of(host, join, watcher)) {
            member.take();
        }
        int hostBefore = host.frames.size();
        int joinBefore = join.frames.size();
        int watcherBefore = watcher.frames.size();
        clients.send(host, "[turn]\n[command]\n[move]\nx=\"1\"\n[/move]\n[/command]\n[/turn]\n");
        clients.send(host, "[turn]\n[command]\n[speak]\nmessage=\"hi\"\n[/speak]\n[/command]\n[/turn]\n");
        // a speak for side 2 only: split and sent to join alone, still one relayed turn
        clients.send(host, "[turn]\n[command]\n[speak]\nmessage=\"psst\"\nto_sides=\"2\"\n[/speak]\n"
                + "[/command]\n[/turn]\n");
        assertEquals(hostBefore, host.frames.size());
        assertEquals(joinBefore + 3, join.frames.size());
        assertEquals(watcherBefore + 2, watcher.frames.size());
        long sent = 0;
        for (var frame : join.frames.subList(joinBefore, join.frames.size())) {
            sent += frame.size();
        }
        for (var frame : watcher.frames.subList(watcherBefore, watcher.frames.size())) {
            sent += frame.size();
        }
        var counters = lobby.services().counters().read();
        assertEquals(3, counters.turnsRelayed());
        assertEquals(sent, counters.relayedBytes());
    }

    @Test
    void aMutedObserverIsHeardByObserversOnly() throws Exception {
        FakeConnection host = clients.loggedIn("host");
        FakeConnection join = clients.loggedIn("join");
        FakeConnection watcher = clients.loggedIn("watcher");
        FakeConnection other = clients.loggedIn("other");
        clients.send(host, "[create_game]\nname=\"Duel\"\npassword=\"\"\n[/create_game]\n");
        clients.send(host, LEVEL);
        clients.send(join, "[join]\nid=\"1\"\nobserve=\"no\"\n[/join]\n");
        clients.send(watcher, "[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n");
        clients.send(other, "[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n");
        clients.send(host, "[start_game]\n[/start_game]\n");
        clients.send(host, "[mute]\nusername=\"watcher\"\n[/mute]\n");
        for (FakeConnection member : List.of(host, join, watcher, other)) {
            List<Document> got = member.take();
            assertEquals("watcher has been muted.", speakOf(got.get(got.size() - 1)));
        }
        clients.send(watcher, "[turn]\n[command]\n[speak]\nmessage=\"psst\"\n[/speak]\n[/command]\n[/turn]\n");
        assertEquals("You have been muted, others can't see your message!", speakOf(watcher.takeOne()));
        assertTrue(host.take().isEmpty() && join.take().isEmpty() && other.take().isEmpty());
        clients.send(watcher, "[turn]\n[command]\n[speak]\nmessage=\"to you\"\nto_sides=\"observer\"\n[/speak]\n"
                + "[/command]\n[/turn]\n");
        Document relayed = other.takeOne();
        assertEquals("to you", speakOf(relayed));
        assertEquals("no", relayed.root().child("turn").child("command").attr("undo"));
        assertEquals("watcher", relayed.root().child("turn").child("command").child("speak").attr("id"));
        assertTrue(host.take().isEmpty() && join.take().isEmpty(), "players do not hear the observer team");
    }

    @Test
    void theHostKicksAndBansAndTheBannedCannotComeBack() throws Exception {
        FakeConnection host = clients.loggedIn("host");
        FakeConnection pest = new FakeConnection("10.0.0.9");
        lobby.connected(pest);
        clients.send(pest, "[version]\nversion=\"1.16.9\"\n[/version]\n");
        clients.send(pest, "[login]\nusername=\"pest\"\n[/login]\n");
        clients.send(host, "[create_game]\nname=\"Duel\"\npassword=\"\"\n[/create_game]\n");
        clients.send(host, LEVEL);
        clients.send(pest, "[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n");
        pest.take();
        clients.send(host, "[kick]\nusername=\"pest\"\n[/kick]\n");
        List<Document> kicked = pest.take();
        assertEquals("pest has been kicked.", kicked.get(0).root().child("message").attr("message"));
        assertNotNull(kicked.get(1).root().child("leave_game"));
        assertNotNull(kicked.get(kicked.size() - 1).root().child("gamelist"), "back in the lobby with the list");
        clients.send(host, "[ban]\nusername=\"pest\"\n[/ban]\n");
        clients.send(pest, "[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n");
        List<Document> refused = pest.take();
        assertEquals("You are banned from this game.", refused.get(1).root().child("message").attr("message"));
        clients.send(host, "[unban]\nusername=\"pest\"\n[/unban]\n");
        clients.send(pest, "[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n");
        assertNotNull(pest.take().get(0).root().child("multiplayer"), "after the unban the level arrives");
    }

    @Test
    void serverChoicesAreAnsweredOncePerRequestToEveryMember() throws Exception {
        FakeConnection host = clients.loggedIn("host");
        FakeConnection join = clients.loggedIn("join");
        clients.startDuel(host, join, LEVEL);
        host.take();
        join.take();
        clients.send(join, "[request_choice]\nrequest_id=\"1\"\n[random_seed]\n[/random_seed]\n[/request_choice]\n");
        clients.send(host, "[request_choice]\nrequest_id=\"1\"\n[random_seed]\n[/random_seed]\n[/request_choice]\n");
        Node seed = host.takeOne().root().child("turn").child("command");
        assertEquals("server", seed.attr("from_side"));
        assertEquals(seed.child("random_seed").attr("new_seed"),
                join.takeOne().root().child("turn").child("command").child("random_seed").attr("new_seed"),
                "the same seed to both, once for request 1");

        clients.send(host, "[request_choice]\nrequest_id=\"2\"\n[change_controller_wml]\nnew_controller=\"ai\"\n"
                + "old_controller=\"human\"\nside=\"2\"\n[/change_controller_wml]\n[/request_choice]\n");
        Node forHost = host.takeOne().root().child("turn").child("command").child("change_controller_wml");
        Node forOwner = join.takeOne().root().child("turn").child("command").child("change_controller_wml");
        assertEquals("ai", forHost.attr("controller"));
        assertEquals("no", forHost.attr("is_local"));
        assertEquals("yes", forOwner.attr("is_local"), "the side's owner plays it locally");

        clients.send(join, "[request_choice]\nrequest_id=\"3\"\n[frobnicate]\n[/frobnicate]\n[/request_choice]\n");
        assertEquals("Found unknown server choice request: [frobnicate]", speakOf(host.takeOne()));
        assertEquals("Found unknown server choice request: [frobnicate]", speakOf(join.takeOne()));
    }
}
