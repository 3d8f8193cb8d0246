package org.tavern.lobby.internal.command;

import org.tavern.wml.Node;
import org.tavern.lobby.internal.lobby.Lobby;
import org.tavern.lobby.internal.lobby.User;

/** {@code [join] id= observe= password=}: a lobby player joins a game, as a player or an observer. */
public final class JoinCommand implements LobbyCommand {

    @Override
    public String tag() {
        return "join";
    }

    @Override
    public void handle(Lobby lobby, User user, Node element) {
        lobby.join(user, element.toInt("id", 0), element.toBool("observe", false), element.attr("password", ""));
    }
}
