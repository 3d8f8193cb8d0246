package org.tavern.lobby.internal;

import java.util.List;

/**
 * {@code shut_down [now]} and {@code restart}: only from the server's console unless
 * {@code allow_remote_shutdown}; a moderator's request is refused as wesnothd refuses it (the
 * console's graceful shutdown is {@code tavern:shut_down}, still to come).
 */
final class ShutdownCommand implements AdminCommand {

    @Override
    public List<String> names() {
        return List.of("shut_down", "restart");
    }

    @Override
    public String execute(Lobby lobby, String issuer, String arguments) {
        return "You're not allowed to execute this command.";
    }
}
