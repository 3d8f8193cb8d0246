package org.tavern.lobby.internal.admin;

import java.util.ArrayList;
import java.util.List;
import org.tavern.api.CommandIssuer;
import org.tavern.identity.Wildcards;
import org.tavern.lobby.internal.lobby.AdminContext;
import org.tavern.lobby.internal.lobby.User;

/**
 * {@code kick <mask> [<reason>]}: a mask with a dot matches addresses, any other matches nicks (both
 * with {@code *}/{@code ?}); each match is told and disconnected.
 */
public final class KickCommand implements ModeratorCommand {

    @Override
    public List<String> names() {
        return List.of("kick");
    }

    @Override
    public String usage() {
        return "kick <mask> [<reason>]";
    }

    @Override
    public String execute(AdminContext lobby, CommandIssuer issuer, String arguments) {
        WordAndRest parts = WordAndRest.of(arguments);
        String mask = parts.word();
        if (mask.isEmpty()) {
            return "You must enter a mask to kick.";
        }
        String reason = parts.rest();
        String notice = reason.isEmpty() ? "You have been kicked." : "You have been kicked. Reason: " + reason;
        List<String> lines = new ArrayList<>();
        for (User victim : matching(lobby, mask)) {
            lines.add("Kicked " + victim.name + " (" + victim.connection.remoteIp() + "). '" + notice + "'");
            lobby.sendAway(victim, notice, "kicked by " + issuer.name());
        }
        return lines.isEmpty() ? "No user matched '" + mask + "'." : String.join("\n", lines);
    }

    /** The online users a mask names: addresses when it has a dot, else nicks. */
    static List<User> matching(AdminContext lobby, String mask) {
        boolean byAddress = mask.indexOf('.') >= 0;
        List<User> result = new ArrayList<>();
        for (User user : lobby.users()) {
            String subject = byAddress ? user.connection.remoteIp() : user.name;
            if (Wildcards.matches(mask, subject)) {
                result.add(user);
            }
        }
        return result;
    }
}
