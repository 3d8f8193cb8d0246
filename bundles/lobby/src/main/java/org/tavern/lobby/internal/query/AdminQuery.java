package org.tavern.lobby.internal.query;

import org.tavern.lobby.internal.lobby.QueryContext;
import org.tavern.lobby.internal.lobby.User;

/** {@code /query admin}: {@code admin <password>}: become a moderator with the server's {@code passwd}. */
public final class AdminQuery implements PlayerQuery {

    @Override
    public String name() {
        return "admin";
    }

    @Override
    public Reply answer(QueryContext lobby, User user, String argument) {
        String configured = lobby.settings().adminPassword();
        if (configured.isEmpty()) {
            return new Reply("No password set.", "error");
        }
        if (!configured.equals(argument)) {
            return Reply.info("Error: wrong password");
        }
        lobby.setModerator(user, true);
        return Reply.info("You are now recognized as an administrator.");
    }
}
