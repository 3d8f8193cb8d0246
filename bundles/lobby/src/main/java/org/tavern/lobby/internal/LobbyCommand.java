package org.tavern.lobby.internal;

import org.tavern.wml.Node;

/** Handles one kind of element a logged-in player sends; runs on the lobby actor. */
interface LobbyCommand {

    /** The element name this command handles ({@code whisper}, {@code message}, ...). */
    String tag();

    void handle(Lobby lobby, User user, Node element);
}
