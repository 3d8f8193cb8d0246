package org.tavern.lobby.internal;

import org.tavern.wml.Node;

/** {@code [create_game] name= password= ignored=}: a player in the lobby opens a game and hosts it. */
final class CreateGameCommand implements LobbyCommand {

    static final String SHUTTING_DOWN = "This server is shutting down. You aren't allowed to make new games. Please "
            + "reconnect to the new server.";

    @Override
    public String tag() {
        return "create_game";
    }

    @Override
    public void handle(Lobby lobby, User user, Node element) {
        if (lobby.shuttingDown()) {
            user.connection.send(ServerMessages.empty("leave_game"));
            user.connection.send(ServerMessages.message(SHUTTING_DOWN, "error"));
            user.connection.send(lobby.list().full());
            return;
        }
        lobby.createGame(user, element);
    }
}
