package org.tavern.lobby.internal.game.command;

import org.tavern.wml.Document;
import org.tavern.wml.Node;
import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.game.GameCommand;

/** {@code [info] type=termination}: how the game ended, for the statistics. */
public final class InfoCommand implements GameCommand {
    @Override
    public String tag() {
        return "info";
    }

    @Override
    public void handle(Game game, Game.Member member, Document document, Node element) {
        game.reportTermination(member, element);
    }
}
