package org.tavern.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureTest {

    private static final Path AI_BATTLE = Path.of("../../testdata/captures/ai_battle_lg_battle.trace.txt");

    @Test
    void lengthNotTheNextHeaderEndsARecord() throws Exception {
        String value = "a\n### conn=9 C>S t=1 len=2\nb"; // a value that looks like a header
        String body = "[message]\n\tmessage=\"" + value + "\"\n[/message]\n";
        String trace = "### conn=1 C>S t=1.5 len=" + body.getBytes(StandardCharsets.UTF_8).length + "\n" + body + "\n"
                + "### conn=1 S>C t=1.6 len=4\nabcd\n";
        List<Capture.Frame> frames = Capture.parse(trace.getBytes(StandardCharsets.UTF_8), "test");
        assertEquals(2, frames.size());
        assertEquals(body, frames.get(0).text());
        assertTrue(frames.get(0).fromClient());
        assertFalse(frames.get(1).fromClient());
    }

    @Test
    void aTruncatedRecordIsAClearError() {
        IOException e = assertThrows(IOException.class,
                () -> Capture.parse("### conn=1 C>S t=1 len=99\nshort".getBytes(StandardCharsets.UTF_8), "cut.txt"));
        assertTrue(e.getMessage().startsWith("cut.txt: record at byte 0 claims 99 bytes"), e.getMessage());
    }

    @Test
    void theAiBattleGivesTurnsAndChoicesWithFirstRequestsMarked() throws Exception {
        RecordedGame game = RecordedGame.from(Capture.read(AI_BATTLE), "ai battle");
        assertEquals("host", game.hostName);
        assertEquals("join", game.joinerName);
        assertTrue(game.createGame.startsWith("[create_game]"));
        assertTrue(game.hostAfterJoin.get(game.hostAfterJoin.size() - 1).text().startsWith("[start_game]"));
        long choices = game.steps.stream().filter(RecordedGame.Step::choice).count();
        long firsts = game.steps.stream().filter(RecordedGame.Step::firstOfRequest).count();
        assertEquals(game.maxRequestId, firsts);
        assertEquals(2 * firsts, choices); // both players ask for every seed
        assertTrue(game.renamed(game.level, "h1", "j1").contains("player_id=\"h1\""));
        String second = game.stepText(1, game.steps.indexOf(game.steps.stream().filter(RecordedGame.Step::choice)
                .findFirst().orElseThrow()));
        assertTrue(second.contains("request_id=" + (1 + game.maxRequestId)), second);
        assertTrue(game.stepText(2, 0).startsWith("lg_seq=\"" + 2 * game.steps.size() + "\"\n[turn]"));
    }
}
