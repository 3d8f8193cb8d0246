package org.tavern.lobby.internal.query;

import org.tavern.lobby.internal.lobby.QueryContext;
import org.tavern.lobby.internal.lobby.User;

/** {@code /query stats}: Counts of games and users. */
public final class StatsQuery implements PlayerQuery {

    @Override
    public String name() {
        return "stats";
    }

    @Override
    public Reply answer(QueryContext lobby, User user, String argument) {
        if (!argument.isEmpty()) {
            return null;
        }
        return Reply.info("Number of games = " + lobby.gameCount() + "\nTotal number of users = " + lobby.userCount());
    }
}
