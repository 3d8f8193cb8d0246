package org.tavern.lobby.internal.game;

import org.tavern.transport.Connection;

/** A member as the game knows it (the lobby owns the User). */
public final class Member {

    private final String name;
    private final Connection connection;
    public boolean observer;

    public Member(String name, Connection connection) {
        this.name = name;
        this.connection = connection;
    }

    public String name() {
        return name;
    }

    public Connection connection() {
        return connection;
    }

    String ip() {
        return connection.remoteIp();
    }
}
