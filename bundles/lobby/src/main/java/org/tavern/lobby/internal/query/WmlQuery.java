package org.tavern.lobby.internal.query;

import org.tavern.lobby.internal.lobby.QueryContext;
import org.tavern.lobby.internal.lobby.User;

/** {@code /query wml}: Statistics of the lobby's shared WML document (wesnothd reports its allocator instead). */
public final class WmlQuery implements PlayerQuery {

    @Override
    public String name() {
        return "wml";
    }

    @Override
    public Reply answer(QueryContext lobby, User user, String argument) {
        return argument.isEmpty() ? Reply.info(lobby.listStatistics(user)) : null;
    }
}
