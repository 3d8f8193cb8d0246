package org.tavern.lobby.internal.game.command;

import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.game.GameCommand;
import org.tavern.lobby.internal.game.Member;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** {@code [unban] username=}. */
public final class UnbanMemberCommand implements GameCommand {
    @Override
    public String tag() {
        return "unban";
    }

    @Override
    public void handle(Game game, Member member, Document document, Node element) {
        game.moderation.unban(member, element.text("username"));
    }
}
