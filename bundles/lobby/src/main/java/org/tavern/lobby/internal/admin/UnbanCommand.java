package org.tavern.lobby.internal.admin;

import java.util.List;
import org.tavern.api.CommandIssuer;
import org.tavern.lobby.internal.ban.BanList;
import org.tavern.lobby.internal.lobby.AdminContext;

/** {@code unban <ipmask>}: lifts the ban on exactly that address or mask (in the ban store before the reply). */
public final class UnbanCommand implements ModeratorCommand {

    @Override
    public List<String> names() {
        return List.of("unban");
    }

    @Override
    public String usage() {
        return "unban <ipmask>";
    }

    @Override
    public String execute(AdminContext lobby, CommandIssuer issuer, String arguments) {
        String mask = arguments.trim();
        if (mask.isEmpty()) {
            return "You must enter an ipmask to unban.";
        }
        BanList.Ban removed = lobby.bans().remove(mask);
        if (removed == null) {
            return "There is no ban on '" + mask + "'.";
        }
        String answer = "Ban on '" + BanCommand.describe(removed) + "' removed.";
        java.util.function.Consumer<String> reply = lobby.deferReplyInOrder(issuer);
        lobby.storedBans().remove(mask, lobby.nowMillis(), failure -> lobby.execute(
                () -> reply.accept(failure == null ? answer : "The ban list could not be saved: " + failure)));
        return answer;
    }
}
