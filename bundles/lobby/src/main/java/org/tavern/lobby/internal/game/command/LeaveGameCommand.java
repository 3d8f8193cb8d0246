package org.tavern.lobby.internal.game.command;

import org.tavern.lobby.internal.game.Departure;
import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.game.GameCommand;
import org.tavern.lobby.internal.game.Member;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** {@code [leave_game]}: back to the lobby. */
public final class LeaveGameCommand implements GameCommand {
    @Override
    public String tag() {
        return "leave_game";
    }

    @Override
    public void handle(Game game, Member member, Document document, Node element) {
        game.leave(member, Departure.LEFT);
    }
}
