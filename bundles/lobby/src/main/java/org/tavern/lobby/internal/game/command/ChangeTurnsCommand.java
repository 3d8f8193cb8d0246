package org.tavern.lobby.internal.game.command;

import org.tavern.wml.Document;
import org.tavern.wml.Node;
import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.game.GameCommand;

/** {@code [change_turns_wml]}: a player's client reports a new turn limit. */
public final class ChangeTurnsCommand implements GameCommand {
    @Override
    public String tag() {
        return "change_turns_wml";
    }

    @Override
    public void handle(Game game, Game.Member member, Document document, Node element) {
        if (game.isStarted() && game.sides.ownsAny(member)) {
            game.changeTurns(element);
        }
    }
}
