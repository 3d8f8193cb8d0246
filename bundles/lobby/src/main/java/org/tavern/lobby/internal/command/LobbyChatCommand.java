package org.tavern.lobby.internal.command;

import org.tavern.api.ChatMessage;
import org.tavern.lobby.internal.common.ServerMessages;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.lobby.internal.lobby.LobbyCommand;
import org.tavern.lobby.internal.lobby.PlayerContext;
import org.tavern.lobby.internal.lobby.User;
import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * {@code [message]} in the lobby: flood-checked, the sender overwritten (no spoofing), the text cut
 * to 256 characters, and the whole element (other attributes kept) relayed to everyone else in the
 * lobby, encoded once; the plugins' message filters see it first.
 */
public final class LobbyChatCommand implements LobbyCommand {

    public static final String FLOOD_WARNING =
            "Warning: you are sending too many messages too fast. Your message has not been relayed.";

    @Override
    public String tag() {
        return "message";
    }

    @Override
    public void handle(PlayerContext lobby, User user, Node element) {
        Settings settings = lobby.settings();
        if (!user.flood.allow(lobby.nowMillis(), settings.maxMessages(), settings.messagesPeriodMillis())) {
            user.connection.send(ServerMessages.message(FLOOD_WARNING, "error"));
            return;
        }
        String text = element.text("message");
        String delivered = lobby.plugins().screenChat(new ChatMessage(ChatMessage.Kind.LOBBY_CHAT, user.name, "", 0, text),
                user.connection, reply -> user.connection.send(ServerMessages.message(reply, "error")));
        if (delivered == null) {
            return;
        }
        Document relay = ServerMessages.relayedChat(element, user.name);
        if (!delivered.equals(text)) {
            relay.root().child("message").set("message", delivered);
        }
        EncodedFrame frame = EncodedFrame.of(relay);
        for (User other : lobby.lobbyUsers()) {
            if (other != user && other.line.equals(user.line)) { // lobby chat stays in its line
                other.connection.send(frame);
            }
        }
    }
}
