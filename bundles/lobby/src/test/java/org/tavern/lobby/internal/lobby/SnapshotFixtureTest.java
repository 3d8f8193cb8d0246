package org.tavern.lobby.internal.lobby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tavern.lobby.internal.snapshot.LobbySnapshot;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.UserEntry;
import org.tavern.lobby.internal.snapshot.SnapshotReader;
import org.tavern.lobby.internal.snapshot.SnapshotWriter;
import org.tavern.lobby.internal.testing.FakeConnection;
import org.tavern.lobby.internal.testing.LobbyDriver;
import org.tavern.wml.Document;

/**
 * The snapshots lobbies of each format wrote (committed, never regenerated: each stands for the
 * running server an upgrade starts from) are read by this build and taken over by a new lobby that
 * goes on. When the format changes, the old files keep being read: the N-1 to N upgrade (format 1's
 * file is read by the format 2 reader).
 */
class SnapshotFixtureTest {

    static final String FORMAT_1 = "/snapshot/lobby-format-1.snapshot";
    static final String FORMAT_2 = "/snapshot/lobby-format-2.snapshot";

    private static byte[] fixture(String name) throws Exception {
        try (InputStream in = SnapshotFixtureTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name + " on the test class path");
            return in.readAllBytes();
        }
    }

    @Test
    void aFormat1SnapshotIsReadAndTakenOver() throws Exception {
        LobbySnapshot snapshot = SnapshotReader.read(fixture(FORMAT_1));
        assertEquals(java.util.Map.of(), snapshot.openRecords(), "format 1 had no open records: read as none");
        takeOverAndPlayOn(snapshot);
    }

    @Test
    void aFormat2SnapshotIsReadAndTakenOverWithItsOpenRecords() throws Exception {
        LobbySnapshot snapshot = SnapshotReader.read(fixture(FORMAT_2));
        assertEquals(java.util.Map.of(1, 1L), snapshot.openRecords(), "the running game's record");
        Lobby next = takeOverAndPlayOn(snapshot);
        assertEquals(snapshot.openRecords(), next.gameArchive().openRecordIds());
    }

    private static Lobby takeOverAndPlayOn(LobbySnapshot snapshot) throws Exception {
        assertEquals(List.of("h1", "j1", "o1", "h2", "j2", "h3", "h4", "j4", "idle"),
                snapshot.users().stream().map(UserEntry::name).toList());
        assertEquals(List.of(1, 2, 3, 4), snapshot.games().stream().map(g -> g.id()).toList());
        assertEquals(4, snapshot.lastGameId());
        assertTrue(new String(snapshot.games().get(1).createGame().bytes()).contains("password=\"secret\""),
                "the game's password is in its [create_game]");

        Map<Long, FakeConnection> connections = new HashMap<>();
        Map<String, FakeConnection> byName = new HashMap<>();
        for (UserEntry user : snapshot.users()) {
            FakeConnection connection = new FakeConnection(user.connectionId(), user.ip());
            connections.put(user.connectionId(), connection);
            byName.put(user.name(), connection);
        }
        snapshot.sessions().forEach(s -> connections.computeIfAbsent(s.connectionId(), id -> new FakeConnection(id, "10.9.9.9")));
        Lobby next = HandoverLobby.next();
        assertEquals(snapshot.sessions().size(), next.handover().restore(snapshot, connections::get).join());
        assertEquals("Waiting", next.game(2).name());

        LobbyDriver clients = new LobbyDriver(next);
        clients.send(byName.get("j1"), "[turn]\n[command]\n[move]\nx=\"5\"\n[/move]\n[/command]\n[/turn]\n");
        Document relayed = byName.get("h1").takeOne();
        assertEquals("5", relayed.root().child("turn").child("command").child("move").attr("x"));
        clients.send(byName.get("j4"), "[load_next_scenario]\n[/load_next_scenario]\n");
        assertTrue(byName.get("j4").take().stream().anyMatch(d -> d.root().child("next_scenario") != null),
                "the player who had not loaded the next scenario gets it");
        return next;
    }

    /**
     * Writes a new fixture only when asked ({@code -Dsnapshot.fixture.write=<file>}), for a new
     * format version's file beside the old ones; the committed files are never overwritten.
     */
    @Test
    void writeFixtureWhenAsked() throws Exception {
        String target = System.getProperty("snapshot.fixture.write");
        if (target == null) {
            return;
        }
        if (Files.exists(Path.of(target))) {
            throw new AssertionError(target + " exists: a committed fixture is never rewritten");
        }
        Files.write(Path.of(target), SnapshotWriter.write(new HandoverLobby().lobby.handover().capture().join()));
    }
}
