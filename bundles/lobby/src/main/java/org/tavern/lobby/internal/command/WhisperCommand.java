package org.tavern.lobby.internal.command;

import org.tavern.api.ChatMessage;
import org.tavern.lobby.internal.common.ServerMessages;
import org.tavern.lobby.internal.lobby.LobbyCommand;
import org.tavern.lobby.internal.lobby.PlayerContext;
import org.tavern.lobby.internal.lobby.User;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** {@code [whisper] receiver= message=}: a private message, delivered wherever the receiver is, once the plugins' message filters let it. */
public final class WhisperCommand implements LobbyCommand {

    @Override
    public String tag() {
        return "whisper";
    }

    @Override
    public void handle(PlayerContext lobby, User user, Node element) {
        String receiverName = element.attr("receiver", "");
        String message = element.attr("message", "");
        if (receiverName.isEmpty() || message.isEmpty()) {
            user.connection.send(ServerMessages.message("Invalid number of arguments", null));
            return;
        }
        User receiver = lobby.user(element.text("receiver"));
        if (receiver == null) {
            user.connection.send(ServerMessages.message("Can't find '" + element.text("receiver") + "'.", "error"));
            return;
        }
        String text = element.text("message");
        String delivered = lobby.plugins().screenChat(new ChatMessage(ChatMessage.Kind.WHISPER, user.name,
                receiver.name, 0, text), user.connection, reply -> user.connection.send(ServerMessages.message(reply, "error")));
        if (delivered == null) {
            return;
        }
        Document whisper = Document.create();
        Node relayed = whisper.root().addChild("whisper")
                .setRaw("message", ServerMessages.truncateRaw(message))
                .setRaw("receiver", receiverName)
                .set("sender", user.name);
        if (!delivered.equals(text)) {
            relayed.set("message", delivered);
        }
        receiver.connection.send(whisper);
    }
}
