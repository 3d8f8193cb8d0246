package org.tavern.lobby.internal.admin;

import java.util.List;
import org.tavern.api.CommandIssuer;
import org.tavern.identity.Wildcards;
import org.tavern.lobby.internal.common.Nicks;
import org.tavern.lobby.internal.common.ServerMessages;
import org.tavern.lobby.internal.lobby.AdminContext;
import org.tavern.lobby.internal.lobby.User;

/**
 * {@code status [<mask>]}: the online players a mask matches (a dot: addresses, else nicks, without
 * case; empty or {@code *}: everyone). An online nick is first turned into its address, so everyone
 * from that address is listed; a nick nobody online has is looked up in the login log instead.
 */
public final class AdminStatusCommand implements ModeratorCommand {

    @Override
    public List<String> names() {
        return List.of("status");
    }

    @Override
    public String usage() {
        return "status [<mask>]";
    }

    @Override
    public String execute(AdminContext lobby, CommandIssuer issuer, String arguments) {
        String mask = arguments.trim();
        StringBuilder report = new StringBuilder("STATUS REPORT for '" + mask + "'");
        User named = lobby.user(mask);
        if (named == null && Nicks.validCharacters(mask) && mask.chars().anyMatch(Character::isLetterOrDigit)
                && lobby.users().stream().noneMatch(user -> user.name.equalsIgnoreCase(mask))) {
            return report + SearchLogCommand.report(lobby, mask); // a nick nobody online has: his past logins
        }
        String addressMask = named != null ? named.connection.remoteIp() : mask.indexOf('.') >= 0 ? mask : null;
        boolean found = false;
        for (User user : lobby.users()) {
            boolean matches = mask.isEmpty() || mask.equals("*")
                    || (addressMask != null ? Wildcards.matches(addressMask, user.connection.remoteIp())
                            : Wildcards.matchesIgnoreCase(mask, user.name));
            if (matches) {
                found = true;
                report.append("\n'").append(user.name).append("' @ ").append(user.connection.remoteIp())
                        .append(" logged on for ").append(ServerMessages.span(lobby.nowMillis() - user.loginMillis));
            }
        }
        return found ? report.toString() : report + "\nNo match found. You may want to check with 'searchlog'.";
    }
}
