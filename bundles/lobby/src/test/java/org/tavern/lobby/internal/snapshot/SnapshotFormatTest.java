package org.tavern.lobby.internal.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.FailedLogin;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.Statistics;

/** The container and its checks: what is refused, and that the refusal says why. */
class SnapshotFormatTest {

    private static final LobbySnapshot EMPTY = new LobbySnapshot(5, 0, false, false,
            new Statistics(1, 2, 1, Map.of("game over", 3)), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(new FailedLogin("10.0.0.1", List.of(7L, 8L))), List.of(), Map.of(3, 77L));

    @Test
    void aSmallSnapshotComesBackEqual() throws Exception {
        assertEquals(EMPTY, SnapshotReader.read(SnapshotWriter.write(EMPTY)));
    }

    @Test
    void itStartsWithItsMagicAndVersion() {
        byte[] bytes = SnapshotWriter.write(EMPTY);
        assertEquals("TAVSNAP\n", new String(bytes, 0, 8, StandardCharsets.US_ASCII));
        assertEquals(SnapshotFormat.VERSION, ByteBuffer.wrap(bytes, 8, 4).getInt());
    }

    @Test
    void aNewerFormatIsRefusedByName() {
        byte[] bytes = SnapshotWriter.write(EMPTY);
        ByteBuffer.wrap(bytes).putInt(8, SnapshotFormat.VERSION + 1);
        SnapshotException refused = assertThrows(SnapshotException.class, () -> SnapshotReader.read(bytes));
        assertEquals("snapshot format " + (SnapshotFormat.VERSION + 1) + " is newer than this lobby reads (formats 1 to "
                + SnapshotFormat.VERSION + ")", refused.getMessage());
    }

    @Test
    void somethingElseIsNotTakenForASnapshot() {
        SnapshotException refused = assertThrows(SnapshotException.class,
                () -> SnapshotReader.read("[snapshot]\n[/snapshot]\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(refused.getMessage().startsWith("not a Tavern lobby snapshot"), refused.getMessage());
    }

    @Test
    void everyTruncationIsRefusedNeverACrash() {
        byte[] bytes = SnapshotWriter.write(EMPTY);
        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThrows(SnapshotException.class, () -> SnapshotReader.read(cut), "cut at " + length);
        }
    }

    @Test
    void aMissingValueIsNamed() {
        byte[] bytes = SnapshotWriter.write(EMPTY);
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("last_game_id=\"0\"", "last_game_xx=\"0\"");
        SnapshotException refused = assertThrows(SnapshotException.class,
                () -> SnapshotReader.read(text.getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("snapshot damaged: last_game_id missing in the snapshot's top", refused.getMessage());
    }

    @Test
    void aPartNumberOutOfRangeIsRefused() {
        byte[] bytes = SnapshotFormat.write(SnapshotFormat.VERSION,
                List.of(new String(SnapshotWriter.write(EMPTY), StandardCharsets.ISO_8859_1).substring(20)
                        .replace("[statistics]", "[line]\nline=\"1.16\"\nline_major=1\nline_minor=16\nlist=9\n[/line]\n[statistics]")
                        .getBytes(StandardCharsets.ISO_8859_1)));
        SnapshotException refused = assertThrows(SnapshotException.class, () -> SnapshotReader.read(bytes));
        assertTrue(refused.getMessage().contains("list=9 names no part"), refused.getMessage());
    }
}
