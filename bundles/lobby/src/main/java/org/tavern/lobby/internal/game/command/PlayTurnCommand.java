package org.tavern.lobby.internal.game.command;

import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.game.GameCommand;
import org.tavern.lobby.internal.game.Member;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** {@code [turn]}: moves, after the start. */
public final class PlayTurnCommand implements GameCommand {
    @Override
    public String tag() {
        return "turn";
    }

    @Override
    public void handle(Game game, Member member, Document document, Node element) {
        if (game.isStarted()) {
            game.relay.relayTurn(member, document);
        }
    }
}
