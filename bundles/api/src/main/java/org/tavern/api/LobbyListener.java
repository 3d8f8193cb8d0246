package org.tavern.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears what happens in the lobby: logins, logouts, and games created, started and ended (for
 * statistics, ladders, bots). Every method does nothing by default; implement those you need.
 *
 * <p>Listeners are called on a thread of their own, after the fact and in the order things happened;
 * they never delay the lobby or a game. A listener that throws is logged and, if it keeps failing,
 * switched off; one that blocks delays only other listeners' events.
 */
@ConsumerType
public interface LobbyListener {

    /** Optional service property: a short name for logs and {@code tavern:pluginstatus}. */
    String NAME = MessageFilter.NAME;

    default void loggedIn(PlayerInfo player) {
    }

    default void loggedOut(String name, String reason) {
    }

    /** A game was created; it has only its host so far. */
    default void gameCreated(GameInfo game) {
    }

    /** The host started the scenario ({@code [start_game]}). */
    default void gameStarted(GameInfo game) {
    }

    /**
     * A game ended.
     *
     * @param reason how, as {@code /query status} counts endings: the victory condition the clients
     *        reported, {@code aborted} or {@code not started}
     */
    default void gameEnded(int gameId, String name, String reason) {
    }
}
