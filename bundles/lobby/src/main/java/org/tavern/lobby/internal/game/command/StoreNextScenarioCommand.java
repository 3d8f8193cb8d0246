package org.tavern.lobby.internal.game.command;

import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.game.GameCommand;
import org.tavern.lobby.internal.game.Member;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** {@code [store_next_scenario]}: the host moves on to the next scenario. */
public final class StoreNextScenarioCommand implements GameCommand {
    @Override
    public String tag() {
        return "store_next_scenario";
    }

    @Override
    public void handle(Game game, Member member, Document document, Node element) {
        if (game.isHost(member)) {
            game.scenario().storeNextScenario(element);
        }
    }
}
