package org.tavern.lobby.internal.query;

import org.tavern.lobby.internal.lobby.QueryContext;
import org.tavern.lobby.internal.lobby.User;

/** {@code /query requests}: Statistics of sampled requests; Tavern samples none, so the reply is empty, as wesnothd's is before anything is sampled. */
public final class RequestsQuery implements PlayerQuery {

    @Override
    public String name() {
        return "requests";
    }

    @Override
    public Reply answer(QueryContext lobby, User user, String argument) {
        return argument.isEmpty() ? Reply.info("") : null;
    }
}
