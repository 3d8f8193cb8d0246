package org.tavern.lobby.internal;

import org.tavern.wml.Node;

/** {@code [nickserv]}: nick registration, which a server without a user database refuses. */
final class NickservCommand implements LobbyCommand {

    @Override
    public String tag() {
        return "nickserv";
    }

    @Override
    public void handle(Lobby lobby, User user, Node element) {
        user.connection.send(ServerMessages.message("This server does not allow username registration.", "error"));
    }
}
