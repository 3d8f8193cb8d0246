package org.tavern.lobby.internal.game.command;

import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.game.GameCommand;
import org.tavern.lobby.internal.game.Member;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** {@code [info] type=termination}: how the game ended, for the statistics. */
public final class InfoCommand implements GameCommand {
    @Override
    public String tag() {
        return "info";
    }

    @Override
    public void handle(Game game, Member member, Document document, Node element) {
        game.scenario().reportTermination(member, element);
    }
}
