package org.tavern.lobby.internal.game.command;

import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.game.GameCommand;
import org.tavern.lobby.internal.game.Member;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** {@code [load_next_scenario]}: a member follows the host to the next scenario. */
public final class LoadNextScenarioCommand implements GameCommand {
    @Override
    public String tag() {
        return "load_next_scenario";
    }

    @Override
    public void handle(Game game, Member member, Document document, Node element) {
        game.scenario().loadNextScenario(member);
    }
}
