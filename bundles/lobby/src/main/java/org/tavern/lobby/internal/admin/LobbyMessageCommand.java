package org.tavern.lobby.internal.admin;

import java.util.List;
import org.tavern.api.CommandIssuer;
import org.tavern.transport.EncodedFrame;
import org.tavern.lobby.internal.lobby.Lobby;
import org.tavern.lobby.internal.common.ServerMessages;
import org.tavern.lobby.internal.lobby.User;

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
    public String execute(Lobby lobby, CommandIssuer issuer, String arguments) {
        String text = arguments.trim();
        if (text.isEmpty()) {
            return "You must type a message.";
        }
        EncodedFrame alert = EncodedFrame.of(ServerMessages.message(text, "alert"));
        for (User user : lobby.users()) {
            user.connection.send(alert);
        }
        return "message '" + text + "' relayed to players";
    }
}
