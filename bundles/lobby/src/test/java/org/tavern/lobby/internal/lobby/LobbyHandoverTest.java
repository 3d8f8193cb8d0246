package org.tavern.lobby.internal.lobby;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tavern.lobby.internal.snapshot.LobbySnapshot;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.GameEntry;
import org.tavern.lobby.internal.snapshot.SnapshotReader;
import org.tavern.lobby.internal.snapshot.SnapshotWriter;
import org.tavern.lobby.internal.testing.FakeConnection;
import org.tavern.lobby.internal.testing.LobbyDriver;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** A lobby's state written, read back and taken over by a new lobby, which then goes on as the old one would. */
class LobbyHandoverTest {

    private final HandoverLobby old;
    private final Map<Long, FakeConnection> byId;

    LobbyHandoverTest() throws Exception {
        old = new HandoverLobby();
        byId = old.connections.values().stream().collect(Collectors.toMap(FakeConnection::id, c -> c));
    }

    private Lobby takeOver(LobbySnapshot snapshot) {
        Lobby next = HandoverLobby.next();
        int carried = next.handover().restore(snapshot, byId::get).join();
        assertEquals(old.connections.size(), carried, "every open connection carried over");
        return next;
    }

    @Test
    void aSnapshotReadBackIsTheStateWrittenAndANewLobbyCapturesTheSame() throws Exception {
        LobbySnapshot captured = old.lobby.handover().capture().join();
        assertEquals(4, captured.games().size(), "games in every phase");
        assertEquals(11, captured.sessions().size());
        GameEntry running = captured.games().get(0);
        assertEquals(List.of("o1"), running.moderation().muted());
        assertEquals(1, running.scenario().turn());
        assertEquals(1, running.sides().current(), "side 2 plays");
        assertTrue(running.scenario().startingIsLevel() && running.history().frames().size() >= 3);
        assertTrue(captured.games().get(1).scenario().level() != null && !captured.games().get(1).scenario().started());
        assertNull(captured.games().get(2).scenario().level(), "created, no level yet");
        GameEntry moved = captured.games().get(3);
        assertEquals(List.of("j4"), moved.scenario().notAdvanced());
        assertEquals(1, moved.scenario().laterMultiplayers().size());
        assertFalse(moved.scenario().startingIsLevel(), "the next level waits; the one started before is kept apart");
        LobbySnapshot read = SnapshotReader.read(SnapshotWriter.write(captured));
        assertEquals(captured, read);

        Lobby next = takeOver(read);
        assertEquals(captured, next.handover().capture().join(), "the new lobby holds the same state");
        for (FakeConnection connection : old.connections.values()) {
            assertEquals(List.of(), connection.take(), "nobody is sent anything by the handover");
        }
    }

    @Test
    void theGamesGoOnAfterTheHandover() throws Exception {
        LobbySnapshot captured = old.lobby.handover().capture().join();
        Lobby next = takeOver(SnapshotReader.read(SnapshotWriter.write(captured)));
        LobbyDriver clients = new LobbyDriver(next);
        FakeConnection h1 = old.connections.get("h1");
        next.connected(h1); // the transport tells the new lobby of every open connection
        assertEquals(List.of(), h1.take(), "a connection handed over is not asked for its version again");

        FakeConnection j1 = old.connections.get("j1"); // side 2, whose turn it is
        clients.send(j1, "[turn]\n[command]\n[move]\nx=\"3\"\n[/move]\n[/command]\n[/turn]\n");
        Document relayed = h1.takeOne();
        assertEquals("3", relayed.root().child("turn").child("command").child("move").attr("x"));
        assertEquals("3", old.connections.get("o1").takeOne().root().child("turn").child("command").child("move")
                .attr("x"), "the observer, muted before, still gets the turns");

        FakeConnection late = clients.loggedIn("late");
        GameEntry game1 = captured.games().get(0);
        clients.send(late, "[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n");
        List<Document> received = late.take();
        byte[] expectedHistory = game1.history().text().bytes();
        Document history = received.stream().filter(d -> d.root().count("turn") > 1).findFirst().orElseThrow();
        byte[] historyAfterTurn = history.output();
        assertTrue(new String(historyAfterTurn).startsWith(new String(expectedHistory)),
                "a late observer gets the history from before the handover, byte for byte, and the turn after it");
        assertEquals(game1.history().frames().size() + 1, history.root().count("turn"));
    }

    @Test
    void aNewLoginSeesTheListTheOthersMirror() throws Exception {
        LobbySnapshot captured = old.lobby.handover().capture().join();
        byte[] listBefore = old.lobby.list(old.lobby.user("h1")).document().output();
        Lobby next = takeOver(captured);
        assertArrayEquals(listBefore, next.list(next.user("h1")).document().output());
        FakeConnection newcomer = new FakeConnection("127.0.0.9");
        LobbyDriver clients = new LobbyDriver(next);
        next.connected(newcomer);
        clients.send(newcomer, "[version]\nversion=\"1.16.9\"\n[/version]\n");
        clients.send(newcomer, "[login]\nusername=\"newcomer\"\n[/login]\n");
        Node gamelist = newcomer.take().stream().filter(d -> d.root().child("gamelist") != null).findFirst()
                .orElseThrow().root().child("gamelist");
        assertEquals(List.of("1", "2", "4"), gamelist.children("game").stream().map(g -> g.attr("id")).toList(),
                "the games shown before (the one without a level is not)");
        assertEquals(1, old.connections.get("idle").take().stream().filter(d -> d.root().child("gamelist_diff") != null)
                .count(), "the idle moderator hears of the newcomer by one diff");
    }

    @Test
    void aPlayerWhoseConnectionClosedDuringTheHandoverLeavesAsIfHeDisconnected() throws Exception {
        LobbySnapshot captured = old.lobby.handover().capture().join();
        long j2 = old.connections.get("j2").id();
        assertEquals(List.of("h2", "j2"), captured.games().get(1).members().stream().map(m -> m.name()).toList());
        Lobby next = HandoverLobby.next();
        int carried = next.handover().restore(captured, id -> id == j2 ? null : byId.get(id)).join();
        assertEquals(old.connections.size() - 1, carried);
        assertNull(next.user("j2"));
        assertFalse(next.game(2).info().players().contains("j2"), "gone from his game");
        List<Document> toHost = old.connections.get("h2").take();
        assertTrue(toHost.stream().anyMatch(d -> d.toString().contains("j2")), "his host is told: " + toHost);
    }

    @Test
    void aLoginTheStoreWasCheckingIsAskedAgain() throws Exception {
        FakeConnection checked = old.connections.get("versioned");
        old.lobby.holdDocuments(checked); // as a password login does while the account store answers
        LobbySnapshot captured = old.lobby.handover().capture().join();
        assertTrue(captured.sessions().stream().anyMatch(s -> s.connectionId() == checked.id() && s.loginCheckRunning()));
        takeOver(captured);
        assertNotNull(checked.takeOne().root().child("mustlogin"));
    }
}
