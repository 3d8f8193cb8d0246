package org.tavern.lobby.internal.game.command;

import org.tavern.wml.Document;
import org.tavern.wml.Node;
import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.game.GameCommand;

/** {@code [kick] username=}. */
public final class KickMemberCommand implements GameCommand {
    @Override
    public String tag() {
        return "kick";
    }

    @Override
    public void handle(Game game, Game.Member member, Document document, Node element) {
        game.moderation.kick(member, element.text("username"));
    }
}
