package org.tavern.lobby.internal.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;

class GameHistoryTest {

    @Test
    void recordedDocumentsJoinIntoOneDocumentKeepingTheirBytes() throws Exception {
        GameHistory history = new GameHistory();
        Document first = Document.parse("[turn]\n\t[command]\n\t\t[init_side]\n\t\t\tside_number=1\n\t\t[/init_side]\n"
                + "\t[/command]\n[/turn]\n");
        Document second = Document.create();
        second.root().addChild("turn").addChild("command").set("undo", "no").addChild("speak").set("id", "server");
        EncodedFrame firstFrame = EncodedFrame.of(first);
        history.record(first, firstFrame);
        history.record(second, EncodedFrame.of(second));

        Document whole = history.asOneDocument();
        assertEquals(2, whole.root().count("turn"));
        assertEquals("1", whole.root().child("turn", 0).child("command").child("init_side").attr("side_number"));
        assertEquals("server", whole.root().child("turn", 1).child("command").child("speak").attr("id"));
        assertTrue(new String(whole.output(), StandardCharsets.UTF_8).startsWith("[turn]\n\t[command]"),
                "the received turn keeps its formatting");
        assertSame(firstFrame, history.frames().get(0), "the frames sent are the frames kept");

        history.clear();
        assertTrue(history.frames().isEmpty());
        assertTrue(history.asOneDocument().isEmpty());
    }
}
