package org.tavern.lobby.internal.game.command;

import org.tavern.wml.Document;
import org.tavern.wml.Node;
import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.game.GameCommand;

/** {@code [ban] username=}. */
public final class BanMemberCommand implements GameCommand {
    @Override
    public String tag() {
        return "ban";
    }

    @Override
    public void handle(Game game, Game.Member member, Document document, Node element) {
        game.moderation.ban(member, element.text("username"));
    }
}
