package org.tavern.lobby.internal;

import org.tavern.wml.Node;

/** {@code [refresh_lobby]}: the client lost track of its list; send the whole list again. */
final class RefreshLobbyCommand implements LobbyCommand {

    @Override
    public String tag() {
        return "refresh_lobby";
    }

    @Override
    public void handle(Lobby lobby, User user, Node element) {
        user.connection.send(lobby.list().full());
    }
}
