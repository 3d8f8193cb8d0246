package org.tavern.lobby.internal;

import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Node;

/**
 * {@code [message]} in the lobby: flood-checked, the sender overwritten (no spoofing), the text cut
 * to 256 characters, and the whole element (other attributes kept) relayed to everyone else in the
 * lobby, encoded once.
 */
final class LobbyChatCommand implements LobbyCommand {

    static final String FLOOD_WARNING =
            "Warning: you are sending too many messages too fast. Your message has not been relayed.";

    @Override
    public String tag() {
        return "message";
    }

    @Override
    public void handle(Lobby lobby, User user, Node element) {
        Settings settings = lobby.settings();
        if (!user.flood.allow(lobby.nowMillis(), settings.maxMessages(), settings.messagesPeriodMillis())) {
            user.connection.send(ServerMessages.message(FLOOD_WARNING, "error"));
            return;
        }
        EncodedFrame frame = EncodedFrame.of(ServerMessages.relayedChat(element, user.name));
        for (User other : lobby.lobbyUsers()) {
            if (other != user) {
                other.connection.send(frame);
            }
        }
    }
}
