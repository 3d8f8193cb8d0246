package org.tavern.lobby.internal.snapshot;

import java.util.List;
import java.util.Map;

/**
 * The lobby's whole state as plain values, what a live upgrade hands from the running lobby to its
 * next version: written by {@link SnapshotWriter}, read by {@link SnapshotReader} (the layout is in
 * {@link SnapshotFormat}). Connections are named by their transport id: the sockets stay open in the
 * transport while the lobby is replaced, and the next lobby finds them again by id.
 *
 * <p>{@code openRecords}: the game history's records open for the running games, by game id (since
 * format 2; empty when read from format 1), so that their ends are recorded by the next lobby.
 *
 * <p>Not here, on purpose: the logins not yet announced (the lobby announces them before it is
 * captured, so none are pending), configuration (read again from ConfigAdmin), and services
 * (bound again).
 */
public record LobbySnapshot(long writtenMillis, int lastGameId, boolean denyUnregistered, boolean shuttingDown,
        Statistics statistics, List<SessionEntry> sessions, List<UserEntry> users, List<LineEntry> lines,
        List<GameEntry> games, List<BanEntry> bans, List<FailedLogin> failedLogins, List<IpLogEntry> ipLog,
        Map<Integer, Long> openRecords) {

    public LobbySnapshot {
        sessions = List.copyOf(sessions);
        users = List.copyOf(users);
        lines = List.copyOf(lines);
        games = List.copyOf(games);
        bans = List.copyOf(bans);
        failedLogins = List.copyOf(failedLogins);
        ipLog = List.copyOf(ipLog);
        openRecords = Map.copyOf(openRecords);
    }

    /** A version line ({@code 1.16}) as the lobby numbers it. */
    public record Line(String name, int major, int minor) {
    }

    /** The lobby's counters; {@code endings} by reason. */
    public record Statistics(long startMillis, long requestsServiced, int sampleFrequency, Map<String, Integer> endings) {
        public Statistics {
            endings = Map.copyOf(endings);
        }
    }

    /**
     * An open connection: {@code clientVersion} once it sent {@code [version]} (else null),
     * {@code userName} once logged in (else null); {@code loginCheckRunning} while the account store
     * was checking its login (the answer went to the old lobby: the next one asks again).
     */
    public record SessionEntry(long connectionId, String clientVersion, String userName, boolean loginCheckRunning) {
    }

    /**
     * A logged-in player, from {@code ip} (what his game bans and the login log name, also should his
     * connection close during the handover); his lobby flood control is {@code floodWindowStart} and
     * {@code floodCount}.
     */
    public record UserEntry(String name, long connectionId, String ip, String clientVersion, Line line, long loginMillis,
            boolean moderator, boolean registered, int gameId, String location, String status,
            long floodWindowStart, int floodCount) {
    }

    /** A line's lobby list, the WML text its clients mirror (their diffs are indices into it). */
    public record LineEntry(Line line, Payload list) {
    }

    /** A member of a game. */
    public record MemberEntry(String name, long connectionId, boolean observer) {
    }

    /**
     * A game's scenario: {@code level} as stored (gzip; null before the host sent it),
     * {@code startingLevel} (gzip; null before the first start, and null with
     * {@code startingIsLevel} while it is the stored level itself), the turn counters, who has not
     * loaded the next scenario yet, the terminations reported, and the lobby entry's parts.
     */
    public record ScenarioEntry(Payload level, Payload startingLevel, boolean startingIsLevel, boolean started,
            boolean ended, int turn, int maxTurns, List<String> notAdvanced, String termination,
            String scenarioTermination, Payload firstMultiplayer, List<Payload> laterMultiplayers,
            Payload frozenSlots) {
        public ScenarioEntry {
            notAdvanced = List.copyOf(notAdvanced);
            laterMultiplayers = List.copyOf(laterMultiplayers);
        }
    }

    /**
     * What was played since the start: every frame as sent (gzip payloads, what a player loading
     * the next scenario gets one by one) and the running text (what a late observer gets as one).
     */
    public record HistoryEntry(List<Payload> frames, Payload text) {
        public HistoryEntry {
            frames = List.copyOf(frames);
        }
    }

    /** Side ownership once started: per side its owner and controller, null where none. */
    public record SidesEntry(int current, List<String> owners, List<String> controllers) {
        public SidesEntry {
            owners = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(owners));
            controllers = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(controllers));
        }
    }

    /** The host's mutes and game bans. */
    public record ModerationEntry(boolean allObserversMuted, List<String> muted, List<String> bannedIps,
            List<String> bannedNames) {
        public ModerationEntry {
            muted = List.copyOf(muted);
            bannedIps = List.copyOf(bannedIps);
            bannedNames = List.copyOf(bannedNames);
        }
    }

    /**
     * A game: its {@code [create_game]} (text: the name and password are in it), its host and
     * members in order, its scenario, history, sides, moderation, the 1.18 chat before the start
     * (texts) and when it last answered a {@code [request_choice]}.
     */
    public record GameEntry(int id, Line line, String name, long createdMillis, Payload createGame, String host,
            List<MemberEntry> members, ScenarioEntry scenario, HistoryEntry history, SidesEntry sides,
            ModerationEntry moderation, List<Payload> chatBeforeStart, long lastChoiceRequest) {
        public GameEntry {
            members = List.copyOf(members);
            chatBeforeStart = List.copyOf(chatBeforeStart);
        }
    }

    /** A server ban; {@code lifted} for the lifted and expired ones the ban list still shows. */
    public record BanEntry(String ipMask, String nick, String reason, long startMillis, long endMillis, String issuer,
            String group, boolean lifted) {
    }

    /** The wrong passwords of one address still inside the window, oldest first. */
    public record FailedLogin(String address, List<Long> times) {
        public FailedLogin {
            times = List.copyOf(times);
        }
    }

    /** A login of {@code searchlog}'s log; {@code logoutMillis} 0 while online. */
    public record IpLogEntry(String nick, String ip, long loginMillis, long logoutMillis) {
    }
}
