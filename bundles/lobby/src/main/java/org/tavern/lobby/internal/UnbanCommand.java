package org.tavern.lobby.internal;

import java.io.IOException;
import java.util.List;
import org.tavern.api.CommandIssuer;

/** {@code unban <ipmask>}: lifts the ban on exactly that address or mask (on disk before the reply). */
final class UnbanCommand implements AdminCommand {

    @Override
    public List<String> names() {
        return List.of("unban");
    }

    @Override
    public String usage() {
        return "unban <ipmask>";
    }

    @Override
    public String execute(Lobby lobby, CommandIssuer issuer, String arguments) {
        String mask = arguments.trim();
        if (mask.isEmpty()) {
            return "You must enter an ipmask to unban.";
        }
        try {
            BanList.Ban removed = lobby.bans().remove(mask);
            return removed == null ? "There is no ban on '" + mask + "'."
                    : "Ban on '" + BanCommand.describe(removed) + "' removed.";
        } catch (IOException e) {
            return "The ban list could not be saved: " + e.getMessage();
        }
    }
}
