package org.tavern.lobby.internal.admin;

import java.util.List;
import org.tavern.api.CommandIssuer;
import org.tavern.lobby.internal.lobby.AdminContext;

/**
 * {@code restart}: starts {@code restart_command} (the new server instance) and shuts this one down
 * gracefully, so running games finish here while new players reach the new one.
 */
public final class RestartCommand implements ModeratorCommand {

    public static final String RESTART_NOTICE = "The server has been restarted. You may finish current games but can't "
            + "start new ones and new players can't join this (old) server instance. (So if a player of your game "
            + "disconnects you have to save, reconnect and reload the game on the new server instance. It is "
            + "actually recommended to do that right away.)";

    @Override
    public List<String> names() {
        return List.of("restart");
    }

    @Override
    public String usage() {
        return "restart";
    }

    @Override
    public String execute(AdminContext lobby, CommandIssuer issuer, String arguments) {
        if (!issuer.console() && !lobby.settings().allowRemoteShutdown()) {
            return ShutdownCommand.NOT_ALLOWED;
        }
        String command = lobby.settings().restartCommand();
        if (command.isEmpty()) {
            return "No restart_command configured! Not restarting.";
        }
        lobby.restart(issuer, command, RESTART_NOTICE);
        return "New server started.";
    }
}
