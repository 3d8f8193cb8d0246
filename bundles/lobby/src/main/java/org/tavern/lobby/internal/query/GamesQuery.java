package org.tavern.lobby.internal.query;

import org.tavern.lobby.internal.lobby.QueryContext;
import org.tavern.lobby.internal.lobby.User;

/** {@code /query games}: How games have ended since the server started. */
public final class GamesQuery implements PlayerQuery {

    @Override
    public String name() {
        return "games";
    }

    @Override
    public Reply answer(QueryContext lobby, User user, String argument) {
        return argument.isEmpty() ? Reply.info(lobby.statistics().gameEndSummary()) : null;
    }
}
