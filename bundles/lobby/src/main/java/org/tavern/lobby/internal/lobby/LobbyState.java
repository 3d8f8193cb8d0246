package org.tavern.lobby.internal.lobby;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tavern.api.LineFigures;
import org.tavern.lobby.internal.ban.BanList;
import org.tavern.lobby.internal.ban.FailedLogins;
import org.tavern.lobby.internal.ban.IpLog;
import org.tavern.lobby.internal.common.VersionLine;
import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.game.OnlinePlayers;

/**
 * Everything the lobby knows, as plain data and nothing else: who is connected and logged in, the
 * games, the list clients mirror, the bans, the failed logins, the logins not yet announced and the
 * counters. The classes beside it ({@link Lobby}, {@link Admission}, {@link GameLifecycle}, ...) are
 * the behaviour that changes it. Owned by the lobby actor: only its thread reads or writes it.
 */
public final class LobbyState {

    /** Each open connection, before and after its login, by connection id. */
    final Map<Long, Session> sessions = new HashMap<>();
    /** The logged-in players by name, in the order they logged in. */
    final Map<String, User> users = new LinkedHashMap<>();
    /** Who is online as game actors read it (the lobby actor writes it as {@link #users} changes). */
    final OnlinePlayers online = new OnlinePlayers();
    /** The games by id; each owns its own state on its own actor. */
    final Map<Integer, Game> games = new HashMap<>();
    int lastGameId;
    /**
     * Each version line's lobby: the list its clients mirror and its logins not yet announced. Game
     * ids are numbered server-wide ({@link #lastGameId}), so a moderator, the console and the plugins
     * name a game by one number; each line lists only its own games.
     */
    final Map<VersionLine, LineLobby> lines = new TreeMap<>();
    BanList bans = new BanList();
    /** Addresses refused as wesnothd's {@code tor_ip_list_path} lists them. */
    Set<String> torAddresses = Set.of();
    final FailedLogins failedLogins = new FailedLogins();
    /** {@code dul}: set by administrators at run time, as in wesnothd. */
    boolean denyUnregistered;
    /** After shut_down or restart: no game may be created. */
    boolean shuttingDown;
    /** Logins for searchlog. */
    final IpLog ipLog = new IpLog();
    final LobbyStatistics statistics;

    LobbyState(long startMillis) {
        statistics = new LobbyStatistics(startMillis);
    }

    /** The lobby of a line, made when its first player arrives (and kept: lines are few). */
    LineLobby line(VersionLine line) {
        return lines.computeIfAbsent(line, LineLobby::new);
    }

    LineLobby lineOf(User user) {
        return line(user.line);
    }

    /** The list of a line's lobby; null when the line has nobody. */
    LobbyList listOf(VersionLine line) {
        LineLobby lobby = lines.get(line);
        return lobby == null ? null : lobby.list;
    }

    /** Each line with players, oldest first: its players (in its lobby and games) and its games. */
    List<LineFigures> lineFigures() {
        List<LineFigures> figures = new ArrayList<>();
        for (VersionLine line : lines.keySet()) {
            int players = (int) users.values().stream().filter(user -> user.line.equals(line)).count();
            int gameCount = (int) games.values().stream().filter(game -> game.line.equals(line)).count();
            figures.add(new LineFigures(line.name(), players, gameCount));
        }
        return figures;
    }

    /** The games in creation order. */
    List<Game> gamesInOrder() {
        List<Game> result = new ArrayList<>(games.values());
        result.sort(Comparator.comparingInt(game -> game.id));
        return result;
    }

    /** The list statistics a user's line shows; the console (no user) is told of the first line with players. */
    String listStatistics(User user) {
        LineLobby line = user != null ? lineOf(user) : lines.values().stream().findFirst().orElse(null);
        LobbyList list = line != null ? line.list : new LobbyList();
        return list.statistics(list.gameCount());
    }
}
