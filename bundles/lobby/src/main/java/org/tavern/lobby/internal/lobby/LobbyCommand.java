package org.tavern.lobby.internal.lobby;

import org.tavern.wml.Node;

/** Handles one kind of element a logged-in player sends; runs on the lobby actor. */
public interface LobbyCommand {

    /** The element name this command handles ({@code whisper}, {@code message}, ...). */
    String tag();

    void handle(PlayerContext lobby, User user, Node element);
}
