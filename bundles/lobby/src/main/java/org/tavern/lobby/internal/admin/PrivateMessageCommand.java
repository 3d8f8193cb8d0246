package org.tavern.lobby.internal.admin;

import java.util.List;
import org.tavern.api.CommandIssuer;
import org.tavern.wml.Document;
import org.tavern.lobby.internal.lobby.AdminContext;
import org.tavern.lobby.internal.lobby.User;

/**
 * {@code pm <nick> <text>} (alias {@code privatemsg}): a whisper from "server message from
 * &lt;issuer&gt;" (the client recognises that prefix).
 */
public final class PrivateMessageCommand implements ModeratorCommand {

    @Override
    public List<String> names() {
        return List.of("pm", "privatemsg");
    }

    @Override
    public String usage() {
        return "pm|privatemsg <nickname> <message>";
    }

    @Override
    public String execute(AdminContext lobby, CommandIssuer issuer, String arguments) {
        String[] parts = arguments.trim().split("\\s+", 2);
        if (parts.length < 2) {
            return "You must name a receiver."; // wesnothd reads the receiver up to the first space
        }
        if (parts[1].isBlank()) {
            return "You must type a message.";
        }
        User receiver = lobby.user(parts[0]);
        if (receiver == null) {
            return "No such nick: " + parts[0];
        }
        Document whisper = Document.create();
        whisper.root().addChild("whisper").set("message", parts[1].trim())
                .set("sender", "server message from " + issuer.name());
        receiver.connection.send(whisper);
        return "Message to " + parts[0] + " successfully sent.";
    }
}
