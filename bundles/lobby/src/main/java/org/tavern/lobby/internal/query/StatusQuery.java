package org.tavern.lobby.internal.query;

import org.tavern.lobby.internal.common.ServerMessages;
import org.tavern.lobby.internal.lobby.QueryContext;
import org.tavern.lobby.internal.lobby.User;

/**
 * {@code /query status}: {@code status} or {@code status <own nick>} (others' status is an
 * administrator command). As in wesnothd the nick is turned into its IP address, so every player
 * from that address is listed, in login order.
 */
public final class StatusQuery implements PlayerQuery {

    @Override
    public String name() {
        return "status";
    }

    @Override
    public Reply answer(QueryContext lobby, User user, String argument) {
        if (!argument.isEmpty() && !argument.equals(user.name)) {
            return null;
        }
        StringBuilder report = new StringBuilder("STATUS REPORT for '" + user.name + "'");
        String ip = user.connection.remoteIp();
        boolean severalLines = lobby.lineFigures().size() > 1;
        for (User other : lobby.users()) {
            if (other.connection.remoteIp().equals(ip)) {
                report.append("\n'").append(other.name).append("' @ ").append(ip).append(" logged on for ")
                        .append(ServerMessages.span(lobby.nowMillis() - other.loginMillis));
                if (severalLines) { // with one line the report is wesnothd's
                    report.append(" (version line ").append(other.line).append(')');
                }
            }
        }
        return Reply.info(report.toString());
    }
}
