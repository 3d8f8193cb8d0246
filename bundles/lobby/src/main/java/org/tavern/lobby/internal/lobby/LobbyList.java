package org.tavern.lobby.internal.lobby;

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
public final class LobbyList {

    static final String GAMELIST = "gamelist";
    static final String USER = "user";
    static final String DIFF = "gamelist_diff";

    private final Document document = Document.create();
    private final Map<User, Node> userNodes = new HashMap<>();
    private final Map<Integer, Node> gameNodes = new HashMap<>();
    private EncodedFrame fullFrame;

    public LobbyList() {
        document.root().addChild(GAMELIST);
    }

    /** The whole list, encoded once per version. */
    public EncodedFrame full() {
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
        Document diff = Document.create();
        addUser(user, diff.root().addChild(DIFF));
        return diff;
    }

    /**
     * Appends a user and his insert to a {@code [gamelist_diff]} being built: several logins then
     * travel as one diff whose inserts the client applies in order, each at the index it names.
     */
    void addUser(User user, Node diff) {
        int index = userNodes.size(); // every [user] is in the map, and they are all appended
        Node node = document.root().addChild(USER);
        user.describe(node);
        userNodes.put(user, node);
        fullFrame = null;
        WmlDiff.insertChild(diff, index, node);
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
        if (!userNodes.containsKey(user)) {
            return null;
        }
        Document diff = Document.create();
        appendUserChange(diff.root().addChild(DIFF), user);
        fullFrame = null;
        return diff;
    }

    /**
     * Rewrites a user's entry without a diff: wesnothd updates a member's status this way when he
     * becomes an observer or a player in a running game, so only later full lists show it.
     */
    void refreshUserQuietly(User user) {
        Node node = userNodes.get(user);
        if (node != null) {
            node.clear();
            user.describe(node);
            fullFrame = null;
        }
    }

    /**
     * Adds a game (appended to {@code [gamelist]}) and rewrites its host's entry, in one diff: the
     * game part wrapped in {@code [change_child] index=0 [gamelist]}, then the user part.
     */
    Document addGame(int gameId, Node game, User host) {
        Node gamelist = document.root().child(GAMELIST);
        int index = gamelist.count("game");
        Node added = gamelist.addCopy(game);
        gameNodes.put(gameId, added);
        Document diff = Document.create();
        Node root = diff.root().addChild(DIFF);
        WmlDiff.insertChild(WmlDiff.changeChild(root, 0, GAMELIST), index, added);
        appendUserChange(root, host);
        fullFrame = null;
        return diff;
    }

    /** Removes a game; the diff (wrapped delete) or null if it was not listed. */
    Document removeGame(int gameId) {
        Node node = gameNodes.remove(gameId);
        if (node == null) {
            return null;
        }
        Node gamelist = document.root().child(GAMELIST);
        int index = gamelist.indexOf(node);
        gamelist.removeChild(node);
        fullFrame = null;
        Document diff = Document.create();
        WmlDiff.deleteChild(WmlDiff.changeChild(diff.root().addChild(DIFF), 0, GAMELIST), index, "game");
        return diff;
    }

    int gameCount() {
        return gameNodes.size();
    }

    /**
     * Rewrites a game's entry (and, if given, a user's) in one diff: the game part wrapped as for
     * {@link #addGame}. Null when the game is not listed.
     */
    Document changeGame(int gameId, Node game, User user) {
        Node node = gameNodes.get(gameId);
        if (node == null) {
            return user == null ? null : changeUser(user);
        }
        Node gamelist = document.root().child(GAMELIST);
        int index = gamelist.indexOf(node);
        node.clear();
        node.copyContentsFrom(game);
        Document diff = Document.create();
        Node root = diff.root().addChild(DIFF);
        Node wrapped = WmlDiff.changeChild(root, 0, GAMELIST);
        WmlDiff.deleteChild(wrapped, index, "game");
        WmlDiff.insertChild(wrapped, index + 1, node);
        if (user != null) {
            appendUserChange(root, user);
        }
        fullFrame = null;
        return diff;
    }

    private void appendUserChange(Node diffRoot, User user) {
        Node node = userNodes.get(user);
        if (node == null) {
            return;
        }
        int index = document.root().indexOf(node);
        node.clear();
        user.describe(node);
        WmlDiff.deleteChild(diffRoot, index, USER);
        WmlDiff.insertChild(diffRoot, index + 1, node);
    }

    /**
     * Takes over a handed-over list as it was, so that the diffs clients get next still fit the copy
     * they mirror: each {@code [user]} is matched to its user by name, each {@code [game]} by its id.
     * Returns why the list does not fit the users given, or null when it does.
     */
    String restore(Document restored, java.util.function.Function<String, User> users) {
        Node gamelist = restored.root().child(GAMELIST);
        if (gamelist == null) {
            return "no [" + GAMELIST + "]";
        }
        Map<User, Node> restoredUsers = new HashMap<>();
        for (Node node : restored.root().children(USER)) {
            User user = users.apply(node.text("name"));
            if (user == null) {
                return "it lists " + node.text("name") + ", who is not logged in";
            }
            restoredUsers.put(user, node);
        }
        Map<Integer, Node> restoredGames = new HashMap<>();
        for (Node node : gamelist.children("game")) {
            restoredGames.put(node.toInt("id", 0), node);
        }
        document.swap(restored);
        userNodes.clear();
        userNodes.putAll(restoredUsers);
        gameNodes.clear();
        gameNodes.putAll(restoredGames);
        fullFrame = null;
        return null;
    }

    /** For tests and the {@code wml} statistics. */
    public Document document() {
        return document;
    }

    /** The {@code wml} query's text: the size of this list, as text and as sent. */
    String statistics(int gameCount) {
        byte[] text = document().output();
        return "Lobby list: " + userCount() + " users, " + gameCount + " games\nText: " + text.length
                + " bytes\nCompressed: " + full().size() + " bytes";
    }
}
