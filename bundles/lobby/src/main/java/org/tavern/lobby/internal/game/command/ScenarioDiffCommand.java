package org.tavern.lobby.internal.game.command;

import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.game.GameCommand;
import org.tavern.lobby.internal.game.Member;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** {@code [scenario_diff]}: the host changes the level before the start. */
public final class ScenarioDiffCommand implements GameCommand {
    @Override
    public String tag() {
        return "scenario_diff";
    }

    @Override
    public void handle(Game game, Member member, Document document, Node element) {
        if (game.isHost(member)) {
            game.scenario().applyScenarioDiff(document);
        }
    }
}
