package org.tavern.lobby.internal;

import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** {@code [whisper] receiver= message=}: a private message, delivered wherever the receiver is. */
final class WhisperCommand implements LobbyCommand {

    @Override
    public String tag() {
        return "whisper";
    }

    @Override
    public void handle(Lobby lobby, User user, Node element) {
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
        Document whisper = Document.create();
        whisper.root().addChild("whisper")
                .setRaw("message", Lobby.truncateRaw(message))
                .setRaw("receiver", receiverName)
                .set("sender", user.name);
        receiver.connection.send(whisper);
    }
}
