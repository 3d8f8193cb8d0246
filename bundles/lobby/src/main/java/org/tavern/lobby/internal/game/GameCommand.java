package org.tavern.lobby.internal.game;

import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** Handles one kind of element a member sends to his game; runs on that game's actor. */
public interface GameCommand {

    /** The element name this command handles. */
    String tag();

    /** {@code element} is the first {@link #tag()} child of {@code document}'s root. */
    void handle(Game game, Member member, Document document, Node element);
}
