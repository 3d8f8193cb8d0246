package org.tavern.lobby.internal.lobby;

import java.util.ArrayList;
import java.util.List;
import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;

/**
 * The logins the lobby actor handled since it last announced any: their inserts into the lobby
 * list, gathered into one {@code [gamelist_diff]}, and each newcomer's welcome ({@code [join_lobby]},
 * the whole list, the server's messages). In a login storm many logins wait in the actor's
 * mailbox at once; announced together, each member of the lobby gets one diff for all of them
 * instead of one each, and every newcomer of the batch the same encoded full list. The 1.16 client
 * applies a diff's {@code [insert_child]}s in order, each at its index (wesnothd sends one per
 * diff; nothing in the protocol asks for that). Lobby actor only.
 */
final class PendingLogins {

    /** What to send a newcomer, once the lobby has been told of him. */
    private record Newcomer(User user, Runnable welcome) {
    }

    private Document diff;
    private final List<Newcomer> newcomers = new ArrayList<>();

    /**
     * Lists a user who just logged in. Returns true for the first one since the last
     * {@link #announce}: the caller then schedules one.
     */
    boolean add(LobbyList list, User user, Runnable welcome) {
        boolean first = diff == null;
        if (first) {
            diff = Document.create();
            diff.root().addChild(LobbyList.DIFF);
        }
        list.addUser(user, diff.root().child(LobbyList.DIFF));
        newcomers.add(new Newcomer(user, welcome));
        return first;
    }

    boolean isEmpty() {
        return diff == null;
    }

    /** The lobby's way of sending one frame to every member in it but the given ones. */
    interface Broadcast {
        void toLobbyExcept(EncodedFrame frame, List<User> except);
    }

    /**
     * The diff to everyone already in the lobby (newcomers of the batch are in the list they get),
     * then each newcomer's welcome, in login order. Nothing is left pending.
     */
    void announce(Broadcast broadcast) {
        if (diff == null) {
            return;
        }
        Document announced = diff;
        List<Newcomer> welcomed = new ArrayList<>(newcomers);
        diff = null;
        newcomers.clear();
        List<User> except = new ArrayList<>(welcomed.size());
        for (Newcomer newcomer : welcomed) {
            except.add(newcomer.user());
        }
        broadcast.toLobbyExcept(EncodedFrame.of(announced), except);
        for (Newcomer newcomer : welcomed) {
            newcomer.welcome().run();
        }
    }
}
