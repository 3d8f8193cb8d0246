package org.tavern.lobby.internal.game;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

class TurnRulesTest {

    private static final String[] OWNERS = {"host", "join"};

    private static Node command(String wml) throws Exception {
        return Document.parse("[command]\n" + wml + "[/command]\n").root().child("command");
    }

    private static boolean legal(String sender, String wml) throws Exception {
        return TurnRules.legal(sender, sender.equals("host"), command(wml), OWNERS, 0);
    }

    @Test
    void theCurrentPlayerMaySendAnything() throws Exception {
        assertTrue(legal("host", "[move]\nx=1\n[/move]\n[attack]\n[/attack]\n"));
        assertFalse(legal("join", "[move]\nx=1\n[/move]\n"));
    }

    @Test
    void fromSideMustBeTheSendersAndNeverTheServer() throws Exception {
        assertFalse(legal("host", "from_side=2\n[move]\n[/move]\n"));
        assertFalse(legal("host", "from_side=server\n[move]\n[/move]\n"));
        assertTrue(legal("join", "dependent=yes\nfrom_side=2\n[input]\n[/input]\n"));
    }

    @Test
    void othersMaySpeakLabelAndSurrenderTheirOwnSideCountedFromZero() throws Exception {
        assertTrue(legal("obs", "[speak]\nmessage=hi\n[/speak]\n"));
        assertFalse(legal("obs", "[label]\n[/label]\n"));
        assertTrue(legal("join", "[label]\n[/label]\n"));
        assertTrue(legal("join", "[surrender]\nside_number=1\n[/surrender]\n"), "0-based: index 1 is side 2");
        assertFalse(legal("join", "[surrender]\nside_number=2\n[/surrender]\n"), "the quirk wesnothd has");
        assertFalse(legal("join", "[speak]\n[/speak]\n[label]\n[/label]\n"), "one command at a time");
    }
}
