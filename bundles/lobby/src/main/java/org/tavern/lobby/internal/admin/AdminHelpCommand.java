package org.tavern.lobby.internal.admin;

import java.util.List;
import org.tavern.api.CommandIssuer;
import org.tavern.lobby.internal.lobby.AdminContext;

/** {@code help} for moderators: the administrator commands. */
public final class AdminHelpCommand implements ModeratorCommand {

    @Override
    public List<String> names() {
        return List.of("help");
    }

    @Override
    public String usage() {
        return "help";
    }

    @Override
    public String execute(AdminContext lobby, CommandIssuer issuer, String arguments) {
        return HELP + lobby.pluginCommands().helpFor(issuer);
    }
}
