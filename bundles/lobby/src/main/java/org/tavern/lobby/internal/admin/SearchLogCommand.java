package org.tavern.lobby.internal.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.tavern.api.CommandIssuer;
import org.tavern.identity.Wildcards;
import org.tavern.lobby.internal.common.ServerMessages;
import org.tavern.lobby.internal.lobby.AdminContext;
import org.tavern.lobby.internal.ban.IpLog;

/**
 * {@code searchlog <mask>} ({@code sl}): the logins a mask matches, oldest first: an address mask
 * when it has a dot, else a nick mask without case; who is still online shows how long, who left
 * when he was last seen.
 */
public final class SearchLogCommand implements ModeratorCommand {

    private static final DateTimeFormatter LAST_SEEN = DateTimeFormatter.ofPattern("HH:mm:ss dd.MM.yyyy");

    @Override
    public List<String> names() {
        return List.of("searchlog", "sl");
    }

    @Override
    public String usage() {
        return "searchlog <mask>";
    }

    @Override
    public String execute(AdminContext lobby, CommandIssuer issuer, String arguments) {
        String mask = arguments.trim();
        if (mask.isEmpty()) {
            return "You must enter a mask to search for.";
        }
        return report(lobby, mask);
    }

    /** The report; {@code status} of a nick nobody online has falls through to it. */
    static String report(AdminContext lobby, String mask) {
        StringBuilder out = new StringBuilder("IP/NICK LOG for '").append(mask).append("'");
        boolean byAddress = mask.indexOf('.') >= 0;
        boolean found = false;
        for (IpLog.Entry entry : lobby.ipLog().entries()) {
            boolean matches = byAddress ? Wildcards.matches(mask, entry.ip) : Wildcards.matchesIgnoreCase(mask, entry.nick);
            if (!matches) {
                continue;
            }
            found = true;
            out.append("\n'").append(entry.nick).append("' @ ").append(entry.ip);
            if (entry.logoutMillis == 0) {
                out.append(" logged on for ").append(ServerMessages.span(lobby.nowMillis() - entry.loginMillis));
            } else {
                out.append(" last seen: ").append(LAST_SEEN.format(
                        Instant.ofEpochMilli(entry.logoutMillis).atZone(ZoneId.systemDefault())));
            }
        }
        return found ? out.toString() : out + "\nNo match found.";
    }
}
