package org.tavern.lobby.internal;

import java.util.ArrayList;
import java.util.List;
import org.tavern.api.CommandIssuer;

/** {@code bans [deleted] [<ipmask>]}: the bans in force, or the lifted and expired ones. */
final class BansCommand implements AdminCommand {

    @Override
    public List<String> names() {
        return List.of("bans");
    }

    @Override
    public String usage() {
        return "bans [deleted] [<ipmask>]";
    }

    @Override
    public String execute(Lobby lobby, CommandIssuer issuer, String arguments) {
        String[] words = arguments.trim().split("\\s+");
        boolean deleted = words.length > 0 && words[0].equalsIgnoreCase("deleted");
        String mask = deleted ? (words.length > 1 ? words[1] : "") : words[0];
        List<BanList.Ban> bans = new ArrayList<>(deleted ? lobby.bans().deleted() : lobby.bans().bans());
        if (!deleted) {
            bans.sort(java.util.Comparator.comparingLong(ban -> IpMask.of(ban.ipMask()).address()));
        }
        List<String> lines = new ArrayList<>();
        for (BanList.Ban ban : bans) {
            if (mask.isEmpty() || mask.equals("*") || IpMask.of(mask).overlaps(IpMask.of(ban.ipMask()))) {
                lines.add(BanCommand.describe(ban));
            }
        }
        if (lines.isEmpty()) {
            return deleted ? "No removed bans found." : "No bans set.";
        }
        return (deleted ? "DELETED BANS LIST" : "BAN LIST") + "\n" + String.join("\n", lines);
    }
}
