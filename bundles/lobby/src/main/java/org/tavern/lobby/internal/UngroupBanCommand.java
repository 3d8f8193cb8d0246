package org.tavern.lobby.internal;

import java.io.IOException;
import java.util.List;
import org.tavern.api.CommandIssuer;

/** {@code ungban <group>}: lifts every ban of a group (they move to the deleted bans). */
final class UngroupBanCommand implements AdminCommand {

    @Override
    public List<String> names() {
        return List.of("ungban");
    }

    @Override
    public String usage() {
        return "ungban <group>";
    }

    @Override
    public String execute(Lobby lobby, CommandIssuer issuer, String arguments) {
        String group = arguments.trim();
        if (group.isEmpty()) {
            return "You must enter an ipmask to ungban."; // sic: wesnothd's words
        }
        try {
            return "Removed " + lobby.bans().removeGroup(group) + " bans";
        } catch (IOException e) {
            return "The ban list could not be saved: " + e.getMessage();
        }
    }
}
