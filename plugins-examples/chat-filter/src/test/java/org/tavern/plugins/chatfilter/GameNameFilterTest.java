package org.tavern.plugins.chatfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tavern.api.Decision;
import org.tavern.api.GameProposal;

class GameNameFilterTest {

    private static GameProposal named(String name) {
        return new GameProposal("alice", name, false, "era_default", "2p_Caves", List.of());
    }

    @Test
    void aGameNamedWithABannedWordIsListedWithTheWordMasked() {
        GameNameFilter names = new GameNameFilter(ChatFilterTest.config(Map.of("banned_words", new String[] {"frak"})));
        assertEquals(Decision.allowAs("**** night"), names.allowCreate(named("FRAK night")));
        assertEquals(Decision.allow(), names.allowCreate(named("frakking good game")), "whole words only");
    }

    @Test
    void turnedOffOrReconfiguredItFollowsTheConfiguration() {
        GameNameFilter names = new GameNameFilter(ChatFilterTest.config(Map.of("banned_words", new String[] {"frak"},
                "mask_game_names", false)));
        assertEquals(Decision.allow(), names.allowCreate(named("frak night")));
        names.configure(ChatFilterTest.config(Map.of("banned_words", new String[] {"smeg"})));
        assertEquals(Decision.allowAs("**** head"), names.allowCreate(named("smeg head")));
    }
}
