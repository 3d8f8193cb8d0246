package org.tavern.lobby.internal.query;

import org.tavern.lobby.internal.lobby.QueryContext;
import org.tavern.lobby.internal.lobby.User;

/** {@code /query motd}: Shows the message of the day (setting it is an administrator command). */
public final class MotdQuery implements PlayerQuery {

    @Override
    public String name() {
        return "motd";
    }

    @Override
    public Reply answer(QueryContext lobby, User user, String argument) {
        if (!argument.isEmpty()) {
            return null;
        }
        String motd = lobby.settings().motd();
        return Reply.info(motd.isEmpty() ? "No message of the day set." : "Message of the day:\n" + motd);
    }
}
