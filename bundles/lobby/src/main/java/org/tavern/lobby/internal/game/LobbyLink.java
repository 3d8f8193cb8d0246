package org.tavern.lobby.internal.game;

import java.util.List;
import org.tavern.lobby.internal.history.GameArchive;
import org.tavern.lobby.internal.history.ReplayWriter;
import org.tavern.lobby.internal.metrics.Counters;
import org.tavern.lobby.internal.plugin.Plugins;
import org.tavern.wml.Document;

/**
 * What a game may ask of the lobby, and what it reports to it. Called on the game's actor: the
 * reports are handed to the lobby's actor, never run on the game's.
 */
public interface LobbyLink {

    long nowMillis();

    /** Filters, rules and listeners of other bundles. */
    Plugins plugins();

    /** Where relayed turns are counted (any actor). */
    Counters counters();

    /** Who is logged in, as a game may read it. */
    OnlinePlayers online();

    GameArchive gameArchive();

    /** Where played scenarios are saved; null unless {@code save_replays}. */
    ReplayWriter replays();

    /** The in-game commands, in wesnothd's order of precedence. */
    List<GameCommand> gameCommands();

    /** The host sent a valid level: the game and its host's new state appear in the lobby. */
    void gameVisible(Game game, Document description, String hostName);

    /** The game ended; its members still online return to the lobby. */
    void gameEnded(Game game, List<String> memberNames, boolean wasVisible, String hostError, String reason,
            String leaveReason);

    void joinRefused(String name, int gameId, String message);

    void joined(String name, int gameId, boolean observer, Document description);

    /** A member of a running game became an observer or a player. */
    void roleChanged(String name, int gameId, boolean observer);

    /** A game's entry changed (slots, turn). */
    void gameChanged(int gameId, Document description);

    /** A member left a game that goes on. */
    void memberLeft(String name, int gameId, Document description, boolean removed);
}
