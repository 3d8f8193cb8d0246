package org.tavern.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

class LobbyMirrorTest {

    private static Node diff(String wml) throws Exception {
        return Document.parse("[gamelist_diff]\n" + wml + "[/gamelist_diff]\n").root().child("gamelist_diff");
    }

    private static String insert(int index, String name) {
        return "[insert_child]\nindex=\"" + index + "\"\n[user]\nname=\"" + name + "\"\n[/user]\n[/insert_child]\n";
    }

    private static String delete(int index) {
        return "[delete_child]\nindex=\"" + index + "\"\n[user]\n[/user]\n[/delete_child]\n";
    }

    @Test
    void fullListThenInsertsDeletesAndAChange() throws Exception {
        Node full = Document.parse("[gamelist]\n[/gamelist]\n[user]\nname=\"a\"\n[/user]\n[user]\nname=\"b\"\n[/user]\n").root();
        LobbyMirror mirror = new LobbyMirror(LobbyMirror.usersOf(full));
        mirror.apply(diff(insert(2, "c")));
        mirror.apply(diff(delete(0)));
        assertEquals(List.of("b", "c"), mirror.users());
        // a change as wesnothd writes it: delete N, insert N+1 (the new copy)
        mirror.apply(diff(delete(0) + insert(1, "b2")));
        assertEquals(List.of("b2", "c"), mirror.users());
    }

    @Test
    void aDiffThatDoesNotFitIsReported() throws Exception {
        LobbyMirror mirror = new LobbyMirror(List.of("a"));
        assertThrows(LobbyMirror.MismatchException.class, () -> mirror.apply(diff(insert(3, "x"))));
        assertThrows(LobbyMirror.MismatchException.class, () -> mirror.apply(diff(delete(1))));
    }

    @Test
    void gameDiffsLeaveTheUsersAlone() throws Exception {
        LobbyMirror mirror = new LobbyMirror(List.of("a"));
        mirror.apply(diff("[change_child]\nindex=\"0\"\n[gamelist]\n" + "[insert_child]\nindex=\"0\"\n[game]\nid=\"1\"\n[/game]\n[/insert_child]\n"
                + "[/gamelist]\n[/change_child]\n"));
        assertEquals(List.of("a"), mirror.users());
    }
}
