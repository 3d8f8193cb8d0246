package org.tavern.lobby.internal;

import java.util.List;

/** {@code help} for moderators: the administrator commands. */
final class AdminHelpCommand implements AdminCommand {

    @Override
    public List<String> names() {
        return List.of("help");
    }

    @Override
    public String execute(Lobby lobby, String issuer, String arguments) {
        return HELP;
    }
}
