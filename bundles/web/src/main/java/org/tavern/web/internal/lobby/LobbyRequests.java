package org.tavern.web.internal.lobby;

import org.tavern.wml.Document;

/**
 * The browser's messages as the WML a Wesnoth 1.16 client sends for the same thing, so the lobby
 * handles them with the code it runs for game clients (docs/web-protocol.md lists them).
 */
final class LobbyRequests {

    private LobbyRequests() {
    }

    /** {@code [version] version=}: the answer to the lobby's version request. */
    static Document version(String clientVersion) {
        Document document = Document.create();
        document.root().addChild("version").set("version", clientVersion);
        return document;
    }

    /** {@code ["login", [nick], {password}]}: {@code [login] username= password=}. */
    static Document login(String nick, String password) {
        Document document = Document.create();
        var login = document.root().addChild("login").set("username", nick);
        if (!password.isEmpty()) {
            login.set("password", password);
        }
        return document;
    }

    /** {@code ["chat", [text]]}: lobby chat, {@code [message] message= room=lobby}. */
    static Document chat(String nick, String text) {
        Document document = Document.create();
        document.root().addChild("message").set("message", text).set("sender", nick).set("room", "lobby");
        return document;
    }

    /** {@code ["whisper", [to, text]]}: {@code [whisper] receiver= message= sender=}. */
    static Document whisper(String nick, String receiver, String text) {
        Document document = Document.create();
        document.root().addChild("whisper").set("receiver", receiver).set("message", text).set("sender", nick);
        return document;
    }

    /** {@code ["query", [command]]}: {@code /query command}, {@code [query] type=}. */
    static Document query(String command) {
        Document document = Document.create();
        document.root().addChild("query").set("type", command);
        return document;
    }

    /** {@code ["refresh_lobby"]}: the whole lobby list again. */
    static Document refreshLobby() {
        Document document = Document.create();
        document.root().addChild("refresh_lobby");
        return document;
    }
}
