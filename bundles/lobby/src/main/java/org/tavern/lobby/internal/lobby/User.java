package org.tavern.lobby.internal.lobby;

import org.tavern.lobby.internal.common.VersionLine;
import org.tavern.transport.Connection;
import org.tavern.wml.Node;

/** A logged-in player. Owned by the lobby actor: only its thread reads or changes it. */
public final class User {

    public final String name;
    public final Connection connection;
    public final String clientVersion;
    /** His version line: the lobby he sees, the games he may join, the answers he gets. */
    public final VersionLine line;
    public final long loginMillis;
    public final FloodControl flood;
    public boolean moderator;
    public boolean registered;
    public int gameId;
    public String location = "";
    public String status = "lobby";

    public User(String name, Connection connection, String clientVersion, long loginMillis, FloodControl flood) {
        this(name, connection, clientVersion, VersionLine.of(clientVersion), loginMillis, flood);
    }

    public User(String name, Connection connection, String clientVersion, VersionLine line, long loginMillis,
            FloodControl flood) {
        this.name = name;
        this.connection = connection;
        this.clientVersion = clientVersion;
        this.line = line;
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

    /** As the lobby directory and the plugins see him. */
    public org.tavern.api.PlayerInfo info() {
        return new org.tavern.api.PlayerInfo(name, connection.remoteIp(), status, moderator, registered, gameId,
                java.time.Instant.ofEpochMilli(loginMillis), clientVersion, line.name());
    }
}
