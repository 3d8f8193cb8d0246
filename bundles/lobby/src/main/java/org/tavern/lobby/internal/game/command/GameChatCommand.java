package org.tavern.lobby.internal.game.command;

import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.game.GameCommand;
import org.tavern.lobby.internal.game.Member;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** {@code [message]}: game chat. */
public final class GameChatCommand implements GameCommand {
    @Override
    public String tag() {
        return "message";
    }

    @Override
    public void handle(Game game, Member member, Document document, Node element) {
        game.chat().relay(member, element);
    }
}
