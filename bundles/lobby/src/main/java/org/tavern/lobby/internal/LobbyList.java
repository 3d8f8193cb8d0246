package org.tavern.lobby.internal;

import java.util.HashMap;
import java.util.Map;
import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;
import org.tavern.wml.Node;
import org.tavern.wml.WmlDiff;

/**
 * The one "games and users" document every lobby client mirrors: {@code [gamelist]} with a
 * {@code [game]} per visible game, then a {@code [user]} per logged-in player in login order. Each
 * change returns the {@code [gamelist_diff]} that patches the clients' copies (indices per tag,
 * computed before the change; a change is delete N + insert N+1). The full document is encoded at most
 * once per version and the same frame goes to every newcomer. Owned by the lobby actor.
 */
final class LobbyList {

    static final String GAMELIST = "gamelist";
    static final String USER = "user";
    static final String DIFF = "gamelist_diff";

    private final Document document = Document.create();
    private final Map<User, Node> userNodes = new HashMap<>();
    private EncodedFrame fullFrame;

    LobbyList() {
        document.root().addChild(GAMELIST);
    }

    /** The whole list, encoded once per version. */
    EncodedFrame full() {
        if (fullFrame == null) {
            fullFrame = EncodedFrame.of(document);
        }
        return fullFrame;
    }

    int userCount() {
        return userNodes.size();
    }

    /** Appends a user; returns the diff for the other lobby clients. */
    Document addUser(User user) {
        int index = document.root().count(USER);
        Node node = document.root().addChild(USER);
        user.describe(node);
        userNodes.put(user, node);
        fullFrame = null;
        Document diff = Document.create();
        WmlDiff.insertChild(diff.root().addChild(DIFF), index, node);
        return diff;
    }

    /** Removes a user; returns the diff, or null if the user was not listed. */
    Document removeUser(User user) {
        Node node = userNodes.remove(user);
        if (node == null) {
            return null;
        }
        int index = document.root().indexOf(node);
        document.root().removeChild(node);
        fullFrame = null;
        Document diff = Document.create();
        WmlDiff.deleteChild(diff.root().addChild(DIFF), index, USER);
        return diff;
    }

    /** Rewrites a user's entry after a change; returns the diff (delete N, insert N+1). */
    Document changeUser(User user) {
        Node node = userNodes.get(user);
        if (node == null) {
            return null;
        }
        int index = document.root().indexOf(node);
        node.clear();
        user.describe(node);
        fullFrame = null;
        Document diff = Document.create();
        Node root = diff.root().addChild(DIFF);
        WmlDiff.deleteChild(root, index, USER);
        WmlDiff.insertChild(root, index + 1, node);
        return diff;
    }

    /** For tests and the {@code wml} statistics. */
    Document document() {
        return document;
    }
}
