package org.tavern.lobby.internal.command;

import org.tavern.lobby.internal.lobby.LobbyCommand;
import org.tavern.lobby.internal.lobby.PlayerContext;
import org.tavern.lobby.internal.lobby.User;
import org.tavern.wml.Node;

/** {@code [refresh_lobby]}: the client lost track of its list; send the whole list again. */
public final class RefreshLobbyCommand implements LobbyCommand {

    @Override
    public String tag() {
        return "refresh_lobby";
    }

    @Override
    public void handle(PlayerContext lobby, User user, Node element) {
        user.connection.send(lobby.list(user).full());
    }
}
