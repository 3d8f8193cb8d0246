package org.tavern.lobby.internal.common;

import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;
import org.tavern.wml.Node;
import org.tavern.lobby.internal.lobby.Lobby;

/** The documents the server writes itself, in wesnothd's shapes. */
public final class ServerMessages {

    static final String SERVER = "server";

    private ServerMessages() {
    }

    /** {@code [message] message= sender="server" type=}; {@code type} may be null (no attribute). */
    public static Document message(String text, String type) {
        Document document = Document.create();
        Node message = document.root().addChild("message").set("message", text).set("sender", SERVER);
        if (type != null) {
            message.set("type", type);
        }
        return document;
    }

    /**
     * A player's {@code [message]} as relayed (lobby and game chat alike): every attribute kept, the
     * sender overwritten with who really sent it, the text cut to 256 characters.
     */
    public static Document relayedChat(Node message, String sender) {
        Document relay = Document.create();
        Node copy = relay.root().addCopy(message);
        copy.set("sender", sender);
        copy.setRaw("message", Lobby.truncateRaw(message.attr("message", "")));
        return relay;
    }

    public static Document error(String text) {
        Document document = Document.create();
        document.root().addChild("error").set("message", text);
        return document;
    }

    public static Document error(String text, int code) {
        Document document = Document.create();
        document.root().addChild("error").set("message", text).set("error_code", Integer.toString(code));
        return document;
    }

    public static Document empty(String tag) {
        Document document = Document.create();
        document.root().addChild(tag);
        return document;
    }

    static EncodedFrame frame(Document document) {
        return EncodedFrame.of(document);
    }
}
