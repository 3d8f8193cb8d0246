package org.tavern.loadgen;

import java.util.ArrayList;
import java.util.List;
import org.tavern.wml.Node;

/**
 * A client's copy of the lobby's user list, kept as the real client keeps it: the full lobby
 * document gives the list, each {@code [gamelist_diff]} patches it by index ({@code insert_child}
 * and {@code delete_child} of {@code [user]}, indices on the list as it was before the diff).
 * A lost, duplicated or reordered diff leaves a list that differs from the server's, or an index
 * that does not fit. Game changes are not mirrored.
 */
final class LobbyMirror {

    /** A diff that cannot apply to this list. */
    static final class MismatchException extends Exception {
        MismatchException(String message) {
            super(message);
        }
    }

    private final List<String> users;

    LobbyMirror(List<String> users) {
        this.users = new ArrayList<>(users);
    }

    /** The names of the root-level {@code [user]}s of a full lobby document, in order. */
    static List<String> usersOf(Node root) {
        List<String> names = new ArrayList<>();
        for (Node user : root.children("user")) {
            names.add(user.text("name"));
        }
        return names;
    }

    List<String> users() {
        return List.copyOf(users);
    }

    /**
     * Applies the user part of a {@code [gamelist_diff]}: inserts of a new copy first, then the
     * deletes, as the client does (so a change, delete N + insert N+1, replaces the entry).
     */
    void apply(Node diff) throws MismatchException {
        List<Node> deletes = diff.children("delete_child");
        List<Node> inserts = diff.children("insert_child");
        List<Integer> deleteAt = new ArrayList<>();
        for (Node delete : deletes) {
            if (delete.child("user") != null) {
                deleteAt.add(index(delete));
            }
        }
        for (Node insert : inserts) {
            Node user = insert.child("user");
            if (user == null) {
                continue;
            }
            int at = index(insert);
            if (at > users.size()) {
                throw new MismatchException("insert at " + at + " into a list of " + users.size());
            }
            users.add(at, user.text("name"));
            // Deletes address the list as it was before this insert.
            for (int i = 0; i < deleteAt.size(); i++) {
                if (deleteAt.get(i) >= at) {
                    deleteAt.set(i, deleteAt.get(i) + 1);
                }
            }
        }
        deleteAt.sort(java.util.Comparator.reverseOrder());
        for (int at : deleteAt) {
            if (at >= users.size()) {
                throw new MismatchException("delete at " + at + " from a list of " + users.size());
            }
            users.remove(at);
        }
    }

    private static int index(Node child) throws MismatchException {
        int at = child.toInt("index", -1);
        if (at < 0) {
            throw new MismatchException("no index in " + child.name());
        }
        return at;
    }
}
