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
 * @param line his version line, the lobby he is in: the first two numbers of {@code clientVersion}
 *     ({@code 1.16}, {@code 1.18}, ...; a version without two numbers, such as {@code test}, is in
 *     the server's primary line, that of its first accepted version) (since 1.4)
 */
public record PlayerInfo(String name, String address, String status, boolean moderator, boolean registered,
        int gameId, Instant loggedInSince, String clientVersion, String line) {

    public PlayerInfo {
        line = line == null ? "" : line;
    }

    /** As made before 1.4: the line is unknown (empty). */
    public PlayerInfo(String name, String address, String status, boolean moderator, boolean registered,
            int gameId, Instant loggedInSince, String clientVersion) {
        this(name, address, status, moderator, registered, gameId, loggedInSince, clientVersion, "");
    }
}
