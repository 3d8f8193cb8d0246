package org.tavern.lobby.internal.query;

import org.tavern.lobby.internal.lobby.QueryContext;
import org.tavern.lobby.internal.lobby.User;

/** {@code /query version}: The server's version, or another player's client version. */
public final class VersionQuery implements PlayerQuery {

    @Override
    public String name() {
        return "version";
    }

    @Override
    public Reply answer(QueryContext lobby, User user, String argument) {
        if (argument.isEmpty()) {
            // each line is answered as its own wesnothd would
            return Reply.info("Server version is " + user.line.serverVersion());
        }
        User other = lobby.user(argument);
        return Reply.info(other == null ? "Player '" + argument + "' not found."
                : "Player " + other.name + " is using wesnoth " + other.clientVersion);
    }
}
