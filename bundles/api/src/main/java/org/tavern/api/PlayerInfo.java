package org.tavern.api;

import java.time.Instant;

/**
 * A logged-in player as the lobby saw him when asked.
 *
 * @param name his nick
 * @param address the IP address he connected from
 * @param status {@code lobby}, {@code playing} or {@code observing}, as the lobby list shows it
 * @param moderator whether he may run administrator commands
 * @param registered whether his nick is registered
 * @param gameId the game he is in, 0 in the lobby
 * @param loggedInSince when he logged in
 * @param clientVersion the version his client announced
 */
public record PlayerInfo(String name, String address, String status, boolean moderator, boolean registered,
        int gameId, Instant loggedInSince, String clientVersion) {
}
