package org.tavern.lobby.internal.game.command;

import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.game.GameCommand;
import org.tavern.lobby.internal.game.Member;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** {@code [change_turns_wml]}: a player's client reports a new turn limit. */
public final class ChangeTurnsCommand implements GameCommand {
    @Override
    public String tag() {
        return "change_turns_wml";
    }

    @Override
    public void handle(Game game, Member member, Document document, Node element) {
        if (game.isStarted() && game.sides.ownsAny(member)) {
            game.scenario().changeTurns(element);
        }
    }
}
