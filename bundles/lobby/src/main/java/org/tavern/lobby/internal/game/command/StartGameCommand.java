package org.tavern.lobby.internal.game.command;

import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.game.GameCommand;
import org.tavern.lobby.internal.game.Member;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** {@code [start_game]}: the host starts (each scenario). */
public final class StartGameCommand implements GameCommand {
    @Override
    public String tag() {
        return "start_game";
    }

    @Override
    public void handle(Game game, Member member, Document document, Node element) {
        if (game.isHost(member) && !game.isStarted()) {
            game.scenario().start(document);
        }
    }
}
