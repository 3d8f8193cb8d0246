package org.tavern.lobby.internal.admin;

import java.util.List;
import org.tavern.api.CommandIssuer;
import org.tavern.lobby.internal.lobby.AdminContext;

/**
 * {@code msg <text>} and {@code lobbymsg <text>} (the same in 1.16.9): an alert to every player,
 * in the lobby and in games, encoded once.
 */
public final class LobbyMessageCommand implements ModeratorCommand {

    @Override
    public List<String> names() {
        return List.of("msg", "lobbymsg");
    }

    @Override
    public String usage() {
        return "[lobby]msg <message>";
    }

    @Override
    public String execute(AdminContext lobby, CommandIssuer issuer, String arguments) {
        String text = arguments.trim();
        if (text.isEmpty()) {
            return "You must type a message.";
        }
        lobby.alertEveryone(text);
        return "message '" + text + "' relayed to players";
    }
}
