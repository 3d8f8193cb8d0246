package org.tavern.lobby.internal;

import org.tavern.transport.Connection;
import org.tavern.wml.Node;

/** A logged-in player. Owned by the lobby actor: only its thread reads or changes it. */
final class User {

    final String name;
    final Connection connection;
    final String clientVersion;
    final long loginMillis;
    final FloodControl flood;
    boolean moderator;
    boolean registered;
    int gameId;
    String location = "";
    String status = "lobby";

    User(String name, Connection connection, String clientVersion, long loginMillis, FloodControl flood) {
        this.name = name;
        this.connection = connection;
        this.clientVersion = clientVersion;
        this.loginMillis = loginMillis;
        this.flood = flood;
    }

    boolean inLobby() {
        return gameId == 0;
    }

    /** The {@code [user]} entry of the lobby list (attributes as wesnothd writes them). */
    void describe(Node user) {
        user.set("available", inLobby() ? "yes" : "no")
                .set("forum_id", "0")
                .set("game_id", Integer.toString(gameId))
                .set("location", location)
                .set("moderator", moderator)
                .set("name", name)
                .set("registered", registered)
                .set("status", status);
    }
}
