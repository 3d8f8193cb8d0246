package org.tavern.lobby.internal.admin;

import java.util.List;
import org.tavern.api.CommandIssuer;
import org.tavern.lobby.internal.lobby.AdminContext;

/**
 * {@code ungban <group>}: lifts every ban of a group (gone, as in wesnothd: not kept among the
 * deleted bans), in the ban store before the reply.
 */
public final class UngroupBanCommand implements ModeratorCommand {

    @Override
    public List<String> names() {
        return List.of("ungban");
    }

    @Override
    public String usage() {
        return "ungban <group>";
    }

    @Override
    public String execute(AdminContext lobby, CommandIssuer issuer, String arguments) {
        String group = arguments.trim();
        if (group.isEmpty()) {
            return "You must enter an ipmask to ungban."; // sic: wesnothd's words
        }
        int removed = lobby.bans().removeGroup(group);
        String answer = "Removed " + removed + " bans";
        if (removed == 0) {
            return answer;
        }
        java.util.function.Consumer<String> reply = lobby.deferReplyInOrder(issuer);
        lobby.storedBans().removeGroup(group, failure -> lobby.execute(
                () -> reply.accept(failure == null ? answer : "The ban list could not be saved: " + failure)));
        return answer;
    }
}
