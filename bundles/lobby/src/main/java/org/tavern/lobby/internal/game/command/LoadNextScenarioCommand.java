package org.tavern.lobby.internal.game.command;

import org.tavern.wml.Document;
import org.tavern.wml.Node;
import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.game.GameCommand;

/** {@code [load_next_scenario]}: a member follows the host to the next scenario. */
public final class LoadNextScenarioCommand implements GameCommand {
    @Override
    public String tag() {
        return "load_next_scenario";
    }

    @Override
    public void handle(Game game, Game.Member member, Document document, Node element) {
        game.loadNextScenario(member);
    }
}
