package org.tavern.lobby.internal.admin;

import java.util.List;
import org.tavern.api.CommandIssuer;
import org.tavern.lobby.internal.lobby.AdminContext;

/**
 * {@code gban <mask> <group> <time> <reason>}: a ban tagged with a group, so that {@code ungban}
 * lifts the group at once; {@code bans} names the groups instead of listing their bans.
 */
public final class GroupBanCommand implements ModeratorCommand {

    @Override
    public List<String> names() {
        return List.of("gban");
    }

    @Override
    public String usage() {
        return "gban <mask> <group> <time> <reason>";
    }

    @Override
    public String execute(AdminContext lobby, CommandIssuer issuer, String arguments) {
        String[] parts = arguments.trim().split("\\s+", 4);
        // wesnothd crashes the issuer's connection on "gban <mask> <group>"; the help is the answer here
        if (parts.length < 3 || parts[0].isEmpty()) {
            return BanCommand.BAN_HELP;
        }
        if (parts.length < 4 || parts[3].isBlank()) {
            return "You need to give a reason for the ban.";
        }
        return BanCommand.ban(lobby, issuer, parts[0], parts[2], parts[3].trim(), parts[1], false);
    }
}
