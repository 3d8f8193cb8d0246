package org.tavern.lobby.internal.game;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is logged in, as game actors may read it (a game's host bans lobby users by name and may not
 * kick moderators). Only the lobby actor writes it; entries are immutable and replaced whole, so a
 * reader sees each player consistently without any lock shared with the lobby.
 */
public final class OnlinePlayers {

    /** One logged-in player as games see him. */
    public record OnlinePlayer(String name, String ip, boolean moderator) {
    }

    private final ConcurrentHashMap<String, OnlinePlayer> byName = new ConcurrentHashMap<>();

    /** Lobby actor only. */
    public void put(String name, String ip, boolean moderator) {
        byName.put(name, new OnlinePlayer(name, ip, moderator));
    }

    /** Lobby actor only. */
    public void remove(String name) {
        byName.remove(name);
    }

    /** The player of that exact (case-sensitive) name, or null when nobody of that name is online. */
    public OnlinePlayer get(String name) {
        return byName.get(name);
    }
}
