package org.tavern.lobby.internal;

import java.util.List;
import org.tavern.api.CommandIssuer;

/** {@code help} for moderators: the administrator commands. */
final class AdminHelpCommand implements AdminCommand {

    @Override
    public List<String> names() {
        return List.of("help");
    }

    @Override
    public String usage() {
        return "help";
    }

    @Override
    public String execute(Lobby lobby, CommandIssuer issuer, String arguments) {
        return HELP + lobby.pluginCommands().helpFor(issuer);
    }
}
