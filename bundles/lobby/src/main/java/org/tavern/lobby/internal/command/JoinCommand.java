package org.tavern.lobby.internal.command;

import org.tavern.lobby.internal.lobby.LobbyCommand;
import org.tavern.lobby.internal.lobby.PlayerContext;
import org.tavern.lobby.internal.lobby.User;
import org.tavern.wml.Node;

/** {@code [join] id= observe= password=}: a lobby player joins a game, as a player or an observer. */
public final class JoinCommand implements LobbyCommand {

    @Override
    public String tag() {
        return "join";
    }

    @Override
    public void handle(PlayerContext lobby, User user, Node element) {
        lobby.joinGame(user, element.toInt("id", 0), element.toBool("observe", false), element.attr("password", ""));
    }
}
