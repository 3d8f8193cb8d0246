package org.tavern.lobby.internal.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

class ReplayWriterTest {

    @TempDir
    Path temp;

    @Test
    void fileNamesAreCleanedAsWesnothdCleansThem() {
        assertEquals("Multiplayer_Unit_Test_test1_Turn_2_(1).bz2",
                ReplayWriter.fileName("Multiplayer Unit Test test1 Turn 2 (1).bz2"));
        assertEquals("a_b-c.d#,!^+=@%'", ReplayWriter.fileName("a b/-c.d#,!^+=@%'é\\:*?"));
    }

    @Test
    void theReplayIsTheStartingLevelWithEveryRecordedCommand() throws Exception {
        Document level = Document.parse("[scenario]\nid=\"s\"\nname=\"The Scenario\"\n[/scenario]\n");
        GameHistory history = new GameHistory();
        for (String turn : List.of("[turn]\n[command]\n[move]\nx=\"1\"\n[/move]\n[/command]\n[/turn]\n",
                "[change_controller]\nside=\"1\"\n[/change_controller]\n",
                "[turn]\n[command]\n[speak]\nmessage=\"hi\"\n[/speak]\n[/command]\n[/turn]\n")) {
            Document document = Document.parse(turn);
            history.record(document, EncodedFrame.of(document));
        }
        Document replay = ReplayWriter.build("My game", level, history);
        assertEquals("My game", replay.root().attr("mp_game_title"));
        assertNotNull(replay.root().child("scenario"));
        List<Node> commands = replay.root().child("replay").children("command");
        assertEquals(3, commands.size(), replay.toString());
        assertNotNull(commands.get(0).child("start"), "a level without [replay] gets a leading [start]");
        assertNotNull(commands.get(1).child("move"));
        assertNotNull(commands.get(2).child("speak"));
    }

    @Test
    void theFileIsBzip2WmlUnderTheGivenPrefix() throws Exception {
        Path folder = temp.resolve("replays");
        try (ReplayWriter writer = new ReplayWriter(folder + "/")) {
            Document level = Document.parse("[scenario]\nname=\"Map\"\n[/scenario]\n");
            GameHistory history = new GameHistory();
            Document turn = Document.parse("[turn]\n[command]\n[move]\n[/move]\n[/command]\n[/turn]\n");
            history.record(turn, EncodedFrame.of(turn));
            writer.save(7, "Seven", level, history, 3); // game 7, named Seven
        } // close() waits for the queued write
        Path file = folder.resolve("Map_Turn_3_(7).bz2");
        try (BZip2CompressorInputStream in = new BZip2CompressorInputStream(Files.newInputStream(file))) {
            Document replay = Document.parse(in.readAllBytes());
            assertEquals("Seven", replay.root().attr("mp_game_title"));
            assertEquals(2, replay.root().child("replay").children("command").size());
        }
        try (var left = Files.list(folder)) {
            assertEquals(1, left.count(), "no partial file is left behind");
        }
    }
}
