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
 * from that address is listed; a nick nobody online has is looked up in the login log instead (for a
 * 1.18 player, also a nick online in another case, as wesnothd 1.18 matches nicks exactly here).
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
        // 1.16 takes a nick online in any case for that player; 1.18 only the exact nick
        boolean exactNickOnly = speaks118(lobby, issuer);
        if (named == null && Nicks.validCharacters(mask) && mask.chars().anyMatch(Character::isLetterOrDigit)
                && (exactNickOnly || lobby.users().stream().noneMatch(user -> user.name.equalsIgnoreCase(mask)))) {
            return report + SearchLogCommand.report(lobby, mask); // a nick nobody online has: his past logins
        }
        String addressMask = named != null ? named.connection.remoteIp() : mask.indexOf('.') >= 0 ? mask : null;
        boolean found = false;
        boolean severalLines = lobby.lineFigures().size() > 1;
        for (User user : lobby.users()) {
            boolean matches = mask.isEmpty() || mask.equals("*")
                    || (addressMask != null ? Wildcards.matches(addressMask, user.connection.remoteIp())
                            : Wildcards.matchesIgnoreCase(mask, user.name));
            if (matches) {
                found = true;
                report.append("\n'").append(user.name).append("' @ ").append(user.connection.remoteIp())
                        .append(" logged on for ").append(ServerMessages.span(lobby.nowMillis() - user.loginMillis));
                if (severalLines) { // a moderator sees every line; with one line the report is wesnothd's
                    report.append(" (version line ").append(user.line).append(')');
                }
            }
        }
        return found ? report.toString() : report + "\nNo match found. You may want to check with 'searchlog'.";
    }

    /** Whether the issuer is a player of a 1.18 line (the console answers as wesnothd 1.16). */
    private static boolean speaks118(AdminContext lobby, CommandIssuer issuer) {
        User user = issuer.console() ? null : lobby.user(issuer.name());
        return user != null && user.line.since118();
    }
}
