package org.tavern.lobby.internal.query;

import org.tavern.lobby.internal.lobby.QueryContext;
import org.tavern.lobby.internal.lobby.User;

/** {@code /query signout}: A moderator gives up the role (the client parses the reply). */
public final class SignoutQuery implements PlayerQuery {

    @Override
    public String name() {
        return "signout";
    }

    @Override
    public Reply answer(QueryContext lobby, User user, String argument) {
        if (!user.moderator) {
            return null;
        }
        lobby.setModerator(user, false);
        return Reply.info("You are no longer recognized as an administrator.");
    }
}
