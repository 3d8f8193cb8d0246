package org.tavern.lobby.internal.game;

import org.tavern.api.ChatMessage;
import org.tavern.lobby.internal.common.ServerMessages;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** A game's chat, on its actor: screened by the plugins, relayed, and kept before the start (1.18). */
public final class GameChat {

    private final Game game;
    private final GameState state;

    GameChat(Game game, GameState state) {
        this.game = game;
        this.state = state;
    }

    /** Game chat: the real sender, the text cut to 256 characters, to everyone else in the game. */
    public void relay(Member member, Node message) {
        String text = message.text("message");
        ChatMessage chat = new ChatMessage(ChatMessage.Kind.GAME_CHAT, member.name(), "", game.id, text);
        String delivered = game.lobby.plugins().screenChat(chat, member.connection(), reply -> game.tell(member, reply));
        if (delivered == null) {
            return;
        }
        Document relay = ServerMessages.relayedChat(message, member.name());
        if (!delivered.equals(text)) {
            relay.root().child("message").set("message", delivered);
        }
        game.sendToOthers(member, relay);
        if (game.line.since118() && !state.started) {
            state.chatBeforeStart.remember(relay);
        }
    }

    /** 1.18: a member joining before the start gets the game chat so far. */
    void sendHistory(Member joiner) {
        state.chatBeforeStart.sendTo(joiner.connection());
    }
}
