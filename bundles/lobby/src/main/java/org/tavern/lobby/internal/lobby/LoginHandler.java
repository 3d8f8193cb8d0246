package org.tavern.lobby.internal.lobby;

import java.util.function.Consumer;
import org.tavern.transport.Connection;
import org.tavern.wml.Node;

/** What a connection sends before it is logged in goes here (lobby actor). */
public interface LoginHandler {

    /** The first document: the client's {@code [version]}; returns the version, or null when refused. */
    String version(Connection connection, Node root);

    /** The next: {@code [login]}; {@code loggedIn} is called with the user once he is in. */
    void login(Connection connection, String clientVersion, Node root, Consumer<User> loggedIn);
}
