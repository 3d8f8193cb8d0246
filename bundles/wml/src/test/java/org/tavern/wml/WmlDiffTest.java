package org.tavern.wml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WmlDiffTest {

    private static Node parse(String text) throws WmlException {
        return Document.parse(text).root();
    }

    @Test
    void appliesTheGamelistChangeShapeTheClientApplies() throws Exception {
        Node lobby = parse("[gamelist]\n[game]\nid=1\nname=a\n[/game]\n[game]\nid=2\n[/game]\n[/gamelist]\n"
                + "[user]\nname=x\n[/user]\n[user]\nname=y\n[/user]\n");
        // A change is delete N + insert N+1, computed on the list before the change.
        Document diff = Document.create();
        Node games = WmlDiff.changeChild(diff.root(), 0, "gamelist");
        WmlDiff.deleteChild(games, 0, "game");
        WmlDiff.insertChild(games, 1, parse("[game]\nid=1\nname=renamed\n[/game]\n").child("game"));
        WmlDiff.deleteChild(diff.root(), 1, "user");

        assertTrue(WmlDiff.apply(lobby, diff.root()));
        Node gamelist = lobby.child("gamelist");
        assertEquals(2, gamelist.count("game"));
        assertEquals("renamed", gamelist.child("game", 0).attr("name"));
        assertEquals("2", gamelist.child("game", 1).attr("id"));
        assertEquals(1, lobby.count("user"));
        assertEquals("x", lobby.child("user").attr("name"));
    }

    @Test
    void writesTheDiffInTheProtocolsShape() {
        Document diff = Document.create();
        Node root = diff.root().addChild("gamelist_diff");
        WmlDiff.deleteChild(root, 2, "user");
        assertEquals("[gamelist_diff]\n[delete_child]\nindex=\"2\"\n[user]\n[/user]\n[/delete_child]\n"
                + "[/gamelist_diff]\n", diff.toString());
    }

    @Test
    void appliesAScenarioDiffWithAttributeInsertsAndDeletes() throws Exception {
        Node level = parse("[scenario]\n[side]\nside=1\ncontroller=human\n[/side]\n[side]\nside=2\n"
                + "controller=human\nplayer_id=old\n[/side]\n[/scenario]\n");
        Node diff = parse("[change_child]\nindex=0\n[scenario]\n[change_child]\nindex=1\n[side]\n"
                + "[insert]\ncurrent_player=\"join\"\nplayer_id=\"join\"\n[/insert]\n[delete]\nplayer_id=x\n[/delete]\n"
                + "[/side]\n[/change_child]\n[/scenario]\n[/change_child]\n");
        assertTrue(WmlDiff.apply(level, diff));
        Node side = level.child("scenario").child("side", 1);
        assertEquals("join", side.attr("current_player"));
        assertFalse(side.has("player_id"), "inserted first, then deleted, as the client does");
    }

    @Test
    void operationsOnMissingElementsAreSkippedNotFatal() throws Exception {
        Node target = parse("[a]\n[/a]\n");
        Node diff = parse("[change_child]\nindex=5\n[a]\n[insert]\nx=1\n[/insert]\n[/a]\n[/change_child]\n"
                + "[delete_child]\nindex=3\n[a]\n[/a]\n[/delete_child]\n"
                + "[insert_child]\nindex=7\n[b]\n[/b]\n[/insert_child]\n");
        assertFalse(WmlDiff.apply(target, diff));
        assertEquals("[a]\n[/a]\n", target.toString());
    }

    @Test
    void betweenBuildsADiffThatReproducesTheTarget() throws Exception {
        Node from = parse("x=1\ny=2\n[a]\nk=1\n[/a]\n[a]\nk=2\n[/a]\n[b]\n[/b]\n");
        Node to = parse("x=1\nz=3\n[a]\nk=1\n[/a]\n[a]\nk=changed\n[/a]\n[a]\nk=3\n[/a]\n");
        Document diff = WmlDiff.between(from, to);
        assertTrue(WmlDiff.apply(from, diff.root()));
        assertTrue(from.contentEquals(to), from + "\nvs\n" + to + "\ndiff:\n" + diff);
    }
}
