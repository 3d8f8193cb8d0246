package org.tavern.lobby.internal.command;

import org.tavern.lobby.internal.common.ServerMessages;
import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.lobby.LobbyCommand;
import org.tavern.lobby.internal.lobby.PlayerContext;
import org.tavern.lobby.internal.lobby.User;
import org.tavern.wml.Node;

/**
 * {@code [create_game] name= password= ignored=}: a player in the lobby opens a game and hosts it. The
 * plugins' game rules judge it when its level arrives (see {@link Game}), once its era is known.
 */
public final class CreateGameCommand implements LobbyCommand {

    public static final String SHUTTING_DOWN = "This server is shutting down. You aren't allowed to make new games. Please "
            + "reconnect to the new server.";

    @Override
    public String tag() {
        return "create_game";
    }

    @Override
    public void handle(PlayerContext lobby, User user, Node element) {
        if (lobby.shuttingDown()) {
            refuse(lobby, user, SHUTTING_DOWN);
            return;
        }
        lobby.createGame(user, element);
    }

    /** The host stays in the lobby: his client leaves the game it opened and reads why. */
    private static void refuse(PlayerContext lobby, User user, String reason) {
        user.connection.send(ServerMessages.empty("leave_game"));
        user.connection.send(ServerMessages.message(reason, "error"));
        user.connection.send(lobby.list(user).full());
    }
}
