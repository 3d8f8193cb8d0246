package org.tavern.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionTest {

    @Test
    void aRenameIsAnAllowingAnswerWithTheName() {
        Decision renamed = Decision.allowAs("[ranked] duel");
        assertTrue(renamed.allowed());
        assertEquals("[ranked] duel", renamed.gameName());
        assertEquals("", renamed.reason());
    }

    @Test
    void theOneTwoFormsKeepTheName() {
        assertEquals("", new Decision(true, null).gameName());
        assertEquals("", Decision.refuse("no").gameName());
        assertEquals("", Decision.allow().gameName());
    }

    @Test
    void blankNamesAndRenamedRefusalsAreMistakes() {
        assertThrows(IllegalArgumentException.class, () -> Decision.allowAs("  "));
        assertThrows(NullPointerException.class, () -> Decision.allowAs(null));
        assertThrows(IllegalArgumentException.class, () -> new Decision(false, "no", "other"));
    }

    @Test
    void aProposalUnderAnotherNameKeepsTheRest() {
        GameProposal proposal = new GameProposal("alice", "duel", true, "era_default", "2p_Caves", List.of("rng"));
        assertEquals(new GameProposal("alice", "Duel!", true, "era_default", "2p_Caves", List.of("rng")),
                proposal.withName("Duel!"));
    }
}
