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
 * The snapshot a lobby of format 1 wrote (committed, never regenerated: it stands for the running
 * server an upgrade starts from) is read by this build and taken over by a new lobby that goes on.
 * When the format changes, this test keeps reading the old file: that is the N-1 to N upgrade.
 */
class SnapshotFixtureTest {

    static final String FORMAT_1 = "/snapshot/lobby-format-1.snapshot";

    private static byte[] fixture() throws Exception {
        try (InputStream in = SnapshotFixtureTest.class.getResourceAsStream(FORMAT_1)) {
            assertNotNull(in, FORMAT_1 + " on the test class path");
            return in.readAllBytes();
        }
    }

    @Test
    void aFormat1SnapshotIsReadAndTakenOver() throws Exception {
        LobbySnapshot snapshot = SnapshotReader.read(fixture());
        assertEquals(List.of("h1", "j1", "o1", "h2", "j2", "h3", "h4", "j4", "idle"),
                snapshot.users().stream().map(UserEntry::name).toList());
        assertEquals(List.of(1, 2, 3, 4), snapshot.games().stream().map(g -> g.id()).toList());
        assertEquals(4, snapshot.lastGameId());
        assertEquals(java.util.Map.of(), snapshot.openRecords(), "format 1 had no open records: read as none");
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
        Files.write(Path.of(target), SnapshotWriter.write(new HandoverLobby().lobby.handover().capture().join()));
    }
}
