package org.tavern.lobby.internal.game.command;

import org.tavern.wml.Document;
import org.tavern.wml.Node;
import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.game.GameCommand;

/** {@code [leave_game]}: back to the lobby. */
public final class LeaveGameCommand implements GameCommand {
    @Override
    public String tag() {
        return "leave_game";
    }

    @Override
    public void handle(Game game, Game.Member member, Document document, Node element) {
        game.leave(member, Game.Departure.LEFT);
    }
}
