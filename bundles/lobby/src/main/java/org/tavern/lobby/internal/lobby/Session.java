package org.tavern.lobby.internal.lobby;

import java.util.ArrayDeque;
import org.tavern.transport.Connection;
import org.tavern.wml.Document;

/** What the server knows about a connection before and after login (lobby actor only). */
final class Session {

    final Connection connection;
    String clientVersion;
    User user;
    /**
     * Documents that came while the account store checked this connection's login, handled in
     * order once it has answered (null when no check is running).
     */
    ArrayDeque<Document> held;

    Session(Connection connection) {
        this.connection = connection;
    }
}
