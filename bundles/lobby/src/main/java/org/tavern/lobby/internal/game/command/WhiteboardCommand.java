package org.tavern.lobby.internal.game.command;

import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.game.GameCommand;
import org.tavern.lobby.internal.game.Member;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** {@code [whiteboard]}: a player's planned moves, after the start. */
public final class WhiteboardCommand implements GameCommand {
    @Override
    public String tag() {
        return "whiteboard";
    }

    @Override
    public void handle(Game game, Member member, Document document, Node element) {
        if (game.isStarted() && !member.observer) {
            game.relay.relayWhiteboard(member, document, element);
        }
    }
}
