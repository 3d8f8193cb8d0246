package org.tavern.lobby.internal.query;

import org.tavern.lobby.internal.lobby.QueryContext;
import org.tavern.lobby.internal.lobby.User;

/** {@code /query help}: Lists the commands. */
public final class HelpQuery implements PlayerQuery {

    @Override
    public String name() {
        return "help";
    }

    @Override
    public Reply answer(QueryContext lobby, User user, String argument) {
        return Reply.info(HELP
                + lobby.pluginCommands().helpFor(org.tavern.api.CommandIssuer.player(user.name, user.moderator)));
    }
}
