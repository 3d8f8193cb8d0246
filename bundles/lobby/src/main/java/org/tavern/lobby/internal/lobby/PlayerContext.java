package org.tavern.lobby.internal.lobby;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.tavern.identity.Accounts;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.lobby.internal.history.GameArchive;
import org.tavern.lobby.internal.plugin.PluginCommands;
import org.tavern.lobby.internal.plugin.Plugins;
import org.tavern.transport.Connection;
import org.tavern.wml.Node;

/** What a logged-in player's lobby requests may do (lobby actor). */
public interface PlayerContext {

    Settings settings();

    long nowMillis();

    /** Runs a task on the lobby actor. */
    void execute(Runnable task);

    Plugins plugins();

    PluginCommands pluginCommands();

    /** The list of his version line, as his client mirrors it. */
    LobbyList list(User user);

    /** The logged-in player of that name, or null. */
    User user(String name);

    /** The logged-in players in the lobby (not in a game). */
    List<User> lobbyUsers();

    /** While true no game may be created. */
    boolean shuttingDown();

    /** {@code [create_game]}: the game exists, the host is in it; nothing is shown until the level. */
    void createGame(User host, Node createGame);

    /** {@code [join]}: the game decides; the player waits outside the lobby until it has. */
    void joinGame(User user, int gameId, boolean observe, String password);

    /** Null when the server has no account store. */
    Accounts accounts();

    /** The game history (its store is null when the server keeps none). */
    GameArchive gameArchive();

    PasswordLogin passwordLogin();

    /** What the connection sends from now on waits (the account store is checking it). */
    void holdDocuments(Connection connection);

    /** The documents that waited are handled in order. */
    void releaseDocuments(Connection connection);

    /** Runs a moderator command; its answer goes to {@code reply}, then what it left to do runs. */
    void runAdminCommand(Supplier<String> command, Consumer<String> reply);
}
