package org.tavern.lobby.internal.admin;

import java.util.List;
import org.tavern.api.CommandIssuer;
import org.tavern.lobby.internal.lobby.AdminContext;

/**
 * {@code shut_down [now]}: {@code now} ends the server at once; otherwise it shuts down gracefully
 * (games go on, no new ones, the server exits when the last has ended). Only the console may, unless
 * {@code allow_remote_shutdown}.
 */
public final class ShutdownCommand implements ModeratorCommand {

    public static final String SHUTDOWN_NOTICE = "The server is shutting down. You may finish your games but can't "
            + "start new ones. Once all games have ended the server will exit.";

    public static final String NOT_ALLOWED = "You're not allowed to execute this command.";

    @Override
    public List<String> names() {
        return List.of("shut_down");
    }

    @Override
    public String usage() {
        return "shut_down [now]";
    }

    @Override
    public String execute(AdminContext lobby, CommandIssuer issuer, String arguments) {
        if (!issuer.console() && !lobby.settings().allowRemoteShutdown()) {
            return NOT_ALLOWED;
        }
        if (arguments.trim().equals("now")) {
            lobby.shutDownNow("shut down by admin command (" + issuer.name() + ")");
            return "Shutting down now.";
        }
        lobby.shutDownGracefully(issuer, SHUTDOWN_NOTICE);
        return "Server is doing graceful shut down.";
    }
}
