package org.tavern.lobby.internal.command;

import org.tavern.wml.Node;
import org.tavern.lobby.internal.lobby.Lobby;
import org.tavern.lobby.internal.lobby.User;

/** Handles one kind of element a logged-in player sends; runs on the lobby actor. */
public interface LobbyCommand {

    /** The element name this command handles ({@code whisper}, {@code message}, ...). */
    String tag();

    void handle(Lobby lobby, User user, Node element);
}
