package org.tavern.lobby.internal;

import org.tavern.wml.Node;

/** {@code [create_game] name= password= ignored=}: a player in the lobby opens a game and hosts it. */
final class CreateGameCommand implements LobbyCommand {

    @Override
    public String tag() {
        return "create_game";
    }

    @Override
    public void handle(Lobby lobby, User user, Node element) {
        lobby.createGame(user, element);
    }
}
