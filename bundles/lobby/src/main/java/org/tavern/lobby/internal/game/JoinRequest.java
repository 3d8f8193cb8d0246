package org.tavern.lobby.internal.game;

import org.tavern.transport.Connection;

/** What a join request asked for. */
public record JoinRequest(String name, Connection connection, boolean observe, String password, boolean moderator) {
}
