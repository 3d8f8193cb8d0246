package org.tavern.lobby.internal.admin;

import java.util.ArrayList;
import java.util.List;
import org.tavern.api.CommandIssuer;
import org.tavern.lobby.internal.ban.BanList;
import org.tavern.lobby.internal.ban.IpMask;
import org.tavern.lobby.internal.lobby.AdminContext;

/**
 * {@code bans [deleted] [<ipmask>]}: the bans in force (those of {@code gban} groups by group name),
 * or the lifted and expired ones.
 */
public final class BansCommand implements ModeratorCommand {

    @Override
    public List<String> names() {
        return List.of("bans");
    }

    @Override
    public String usage() {
        return "bans [deleted] [<ipmask>]";
    }

    @Override
    public String execute(AdminContext lobby, CommandIssuer issuer, String arguments) {
        String[] words = arguments.trim().split("\\s+");
        boolean deleted = words.length > 0 && words[0].equalsIgnoreCase("deleted");
        String mask = deleted ? (words.length > 1 ? words[1] : "") : words[0];
        List<BanList.Ban> bans = new ArrayList<>(deleted ? lobby.bans().deleted() : lobby.bans().bans());
        if (bans.isEmpty()) {
            return deleted ? "No removed bans found." : "No bans set.";
        }
        if (!deleted) {
            bans.sort(java.util.Comparator.comparingLong(ban -> IpMask.of(ban.ipMask()).address()));
        }
        boolean everything = mask.isEmpty() || mask.equals("*");
        StringBuilder out = new StringBuilder(deleted ? "DELETED BANS LIST" : "BAN LIST");
        java.util.TreeSet<String> groups = new java.util.TreeSet<>();
        for (BanList.Ban ban : bans) {
            if (!deleted && !ban.group().isEmpty()) {
                groups.add(ban.group()); // group bans are named by their group, not listed one by one
            } else if (everything || IpMask.of(mask).overlaps(IpMask.of(ban.ipMask()))) {
                out.append('\n').append(BanCommand.describe(ban));
            }
        }
        if (everything && !groups.isEmpty()) {
            out.append("\nban groups: ").append(String.join(", ", groups));
        }
        return out.toString();
    }
}
