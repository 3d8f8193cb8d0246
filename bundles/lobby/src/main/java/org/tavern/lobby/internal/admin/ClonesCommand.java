package org.tavern.lobby.internal.admin;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tavern.api.CommandIssuer;
import org.tavern.lobby.internal.common.ServerMessages;
import org.tavern.lobby.internal.lobby.AdminContext;
import org.tavern.lobby.internal.lobby.User;

/** {@code clones}: the players who share an address with another, grouped by address in login order. */
public final class ClonesCommand implements ModeratorCommand {

    @Override
    public List<String> names() {
        return List.of("clones");
    }

    @Override
    public String usage() {
        return "clones";
    }

    @Override
    public String execute(AdminContext lobby, CommandIssuer issuer, String arguments) {
        StringBuilder out = new StringBuilder("CLONES STATUS REPORT");
        List<User> users = lobby.users();
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            String address = users.get(i).connection.remoteIp();
            if (reported.contains(address)) {
                continue;
            }
            for (int j = i + 1; j < users.size(); j++) {
                if (users.get(j).connection.remoteIp().equals(address)) {
                    if (reported.add(address)) {
                        out.append('\n').append(status(lobby, users.get(i)));
                    }
                    out.append('\n').append(status(lobby, users.get(j)));
                }
            }
        }
        return reported.isEmpty() ? out + "\nNo clones found." : out.toString();
    }

    /** One player as {@code status} lists him. */
    static String status(AdminContext lobby, User user) {
        return "'" + user.name + "' @ " + user.connection.remoteIp() + " logged on for "
                + ServerMessages.span(lobby.nowMillis() - user.loginMillis);
    }
}
