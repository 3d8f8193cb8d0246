package org.tavern.lobby.internal.game.command;

import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.game.GameCommand;
import org.tavern.lobby.internal.game.Member;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** {@code [request_choice]}: players (and the host) who are in the current scenario ask for a seed. */
public final class RequestChoiceCommand implements GameCommand {
    @Override
    public String tag() {
        return "request_choice";
    }

    @Override
    public void handle(Game game, Member member, Document document, Node element) {
        if (game.isStarted() && (!member.observer || game.isHost(member)) && game.hasAdvanced(member)) {
            game.relay.answerChoice(element);
        }
    }
}
