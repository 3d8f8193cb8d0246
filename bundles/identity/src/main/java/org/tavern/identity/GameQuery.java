package org.tavern.identity;

import java.util.Objects;

/**
 * A search of the game history, newest first (what {@code [game_history_request]} asks). Empty
 * strings match anything; {@code *} and {@code ?} are wildcards; matching is case-insensitive.
 *
 * @param player a nick that took part
 * @param gameName matched against the whole game name (use {@code *x*} for "contains")
 * @param content matched against the era, the scenario, or either ({@code contentType}): their names and ids
 * @param endedOnly only games that have ended (wesnothd's history lists no running game)
 */
public record GameQuery(String player, String gameName, String content, ContentType contentType, int offset,
        int limit, boolean endedOnly) {

    public static final int MAX_LIMIT = 1000;

    /** What {@code content} is matched against. */
    public enum ContentType { ANY, SCENARIO, ERA }

    public GameQuery {
        player = player == null ? "" : player;
        gameName = gameName == null ? "" : gameName;
        content = content == null ? "" : content;
        Objects.requireNonNull(contentType, "contentType");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ": " + limit);
        }
    }

    /** Running and ended games alike. */
    public GameQuery(String player, String gameName, String content, ContentType contentType, int offset, int limit) {
        this(player, gameName, content, contentType, offset, limit, false);
    }

    /** The newest {@code limit} games. */
    public static GameQuery recent(int limit) {
        return new GameQuery("", "", "", ContentType.ANY, 0, limit, false);
    }

    public GameQuery withPlayer(String nick) {
        return new GameQuery(nick, gameName, content, contentType, offset, limit, endedOnly);
    }

    public GameQuery withGameName(String pattern) {
        return new GameQuery(player, pattern, content, contentType, offset, limit, endedOnly);
    }

    public GameQuery withContent(String pattern, ContentType type) {
        return new GameQuery(player, gameName, pattern, type, offset, limit, endedOnly);
    }

    public GameQuery page(int offset, int limit) {
        return new GameQuery(player, gameName, content, contentType, offset, limit, endedOnly);
    }

    /** Only games that have ended. */
    public GameQuery ended() {
        return new GameQuery(player, gameName, content, contentType, offset, limit, true);
    }
}
