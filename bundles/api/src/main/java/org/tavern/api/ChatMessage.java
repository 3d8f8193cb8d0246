package org.tavern.api;

import java.util.Objects;

/**
 * A chat message on its way to its readers, as a {@link MessageFilter} sees it.
 *
 * @param kind where it was said
 * @param sender the nick of who said it (the server's, never what the client claimed)
 * @param receiver the nick it is whispered to; empty unless {@link Kind#WHISPER}
 * @param gameId the game it is said in; 0 unless {@link Kind#GAME_CHAT}
 * @param text what was said, as the readers would see it
 */
public record ChatMessage(Kind kind, String sender, String receiver, int gameId, String text) {

    /** Where a message is said. */
    public enum Kind {
        /** {@code [message]} in the lobby, to everyone there. */
        LOBBY_CHAT,
        /** {@code [whisper]}, to one player wherever he is. */
        WHISPER,
        /** {@code [message]} or a {@code [speak]} in a game, to its members. */
        GAME_CHAT
    }

    public ChatMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sender, "sender");
        receiver = receiver == null ? "" : receiver;
        text = text == null ? "" : text;
    }

    /** The same message with other text (what a {@link FilterResult#replace replace} delivers). */
    public ChatMessage withText(String newText) {
        return new ChatMessage(kind, sender, receiver, gameId, newText);
    }
}
