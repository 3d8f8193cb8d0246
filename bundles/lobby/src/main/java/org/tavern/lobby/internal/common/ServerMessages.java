package org.tavern.lobby.internal.common;

import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

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
        copy.setRaw("message", ServerMessages.truncateRaw(message.attr("message", "")));
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

    /**
     * wesnothd's durations: "expired" under a second (its formatter treats a zero span as an expired
     * ban), "12 seconds" under a minute, else "[D days, ]H hours, M minutes".
     */
    public static String span(long millis) {
        long seconds = millis / 1000;
        if (seconds <= 0) {
            return "expired";
        }
        if (seconds < 60) {
            return seconds + " seconds";
        }
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        return (days > 0 ? days + " days, " : "") + hours + " hours, " + minutes + " minutes";
    }

    /**
     * Cuts a raw value to 256 characters as wesnothd does for chat, never inside a {@code ""} escape
     * (half of one would end the quoted value early).
     */
    public static String truncateRaw(String raw) {
        int limit = 256;
        if (raw.codePointCount(0, raw.length()) <= limit) {
            return raw;
        }
        String cut = raw.substring(0, raw.offsetByCodePoints(0, limit));
        int quotes = 0;
        for (int i = cut.length() - 1; i >= 0 && cut.charAt(i) == '"'; i--) {
            quotes++;
        }
        return quotes % 2 == 1 ? cut.substring(0, cut.length() - 1) : cut;
    }
}
