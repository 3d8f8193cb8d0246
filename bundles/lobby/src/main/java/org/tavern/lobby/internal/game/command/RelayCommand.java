package org.tavern.lobby.internal.game.command;

import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.game.GameCommand;
import org.tavern.lobby.internal.game.Member;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** Documents relayed unchanged to the other members ({@code [change_faction]}, {@code [stop_updates]}). */
public final class RelayCommand implements GameCommand {
    private final String tag;

    public RelayCommand(String tag) {
        this.tag = tag;
    }

    @Override
    public String tag() {
        return tag;
    }

    @Override
    public void handle(Game game, Member member, Document document, Node element) {
        game.sendToOthers(member, document);
    }
}
