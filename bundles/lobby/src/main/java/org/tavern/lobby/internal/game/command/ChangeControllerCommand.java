package org.tavern.lobby.internal.game.command;

import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.game.GameCommand;
import org.tavern.lobby.internal.game.Member;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** {@code [change_controller]}: a side changes hands (in a running game, where sides are tracked). */
public final class ChangeControllerCommand implements GameCommand {
    @Override
    public String tag() {
        return "change_controller";
    }

    @Override
    public void handle(Game game, Member member, Document document, Node element) {
        if (game.isStarted()) {
            game.sides.changeController(member, element);
        }
    }
}
