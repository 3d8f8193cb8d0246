package org.tavern.lobby.internal.lobby;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.lobby.internal.ban.BanList;
import org.tavern.lobby.internal.ban.IpLog;
import org.tavern.lobby.internal.common.ClosedConnection;
import org.tavern.lobby.internal.common.ServerMessages;
import org.tavern.lobby.internal.common.VersionLine;
import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.game.GameHandover;
import org.tavern.lobby.internal.snapshot.LobbySnapshot;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.BanEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.FailedLogin;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.GameEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.IpLogEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.Line;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.LineEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.SessionEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.Statistics;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.UserEntry;
import org.tavern.lobby.internal.snapshot.Payload;
import org.tavern.lobby.internal.snapshot.SnapshotException;
import org.tavern.transport.Connection;
import org.tavern.wml.Document;
import org.tavern.wml.WmlException;

/**
 * The lobby's state to a {@link LobbySnapshot} and back, for a live upgrade. Capturing reads the
 * lobby's part on the lobby actor and each game's on that game's actor; restoring fills a lobby that
 * has no one yet, on its actor, before it is given any connection. Everything either does happens
 * on the owning actor, so no lock is taken and no state is read by two threads.
 *
 * <p>The capture is one consistent picture only when nothing is coming in (the transport holds what
 * arrives while no lobby is bound) and the actors have run what they were given; the caller sees
 * to that.
 */
public final class LobbyHandover {

    private static final Logger LOG = LoggerFactory.getLogger(LobbyHandover.class);
    private static final Document MUST_LOGIN = ServerMessages.empty("mustlogin");

    private final Lobby lobby;
    private final LobbyState state;
    private final GameLifecycle games;
    private final Membership membership;

    LobbyHandover(Lobby lobby, LobbyState state, GameLifecycle games, Membership membership) {
        this.lobby = lobby;
        this.state = state;
        this.games = games;
        this.membership = membership;
    }

    // ------------------------------------------------------------------ capture

    /** The whole state, once the lobby's actor and then every game's have given their part. */
    public CompletableFuture<LobbySnapshot> capture() {
        CompletableFuture<LobbySnapshot> result = new CompletableFuture<>();
        lobby.execute(() -> { // the actor announces pending logins before any task: none is left over
            try {
                LobbySnapshot lobbyPart = captureLobby();
                List<CompletableFuture<GameEntry>> gameParts = new ArrayList<>();
                for (Game game : state.gamesInOrder()) {
                    CompletableFuture<GameEntry> part = new CompletableFuture<>();
                    gameParts.add(part);
                    game.execute(() -> {
                        try {
                            part.complete(GameHandover.capture(game));
                        } catch (RuntimeException e) {
                            part.completeExceptionally(e);
                        }
                    });
                }
                CompletableFuture.allOf(gameParts.toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> {
                    if (failure != null) {
                        result.completeExceptionally(failure);
                    } else {
                        result.complete(withGames(lobbyPart, gameParts.stream().map(CompletableFuture::join).toList()));
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private LobbySnapshot captureLobby() {
        for (LineLobby line : state.lines.values()) {
            if (!line.pendingLogins.isEmpty()) {
                throw new IllegalStateException("logins of line " + line.line.name() + " still unannounced");
            }
        }
        LobbyStatistics counters = state.statistics;
        Statistics statistics = new Statistics(counters.startMillis(), counters.requestsServiced(),
                counters.sampleFrequency(), counters.endings());
        List<SessionEntry> sessions = new ArrayList<>();
        state.sessions.values().stream().sorted(Comparator.comparingLong(session -> session.connection.id()))
                .forEach(session -> sessions.add(new SessionEntry(session.connection.id(), session.clientVersion,
                        session.user == null ? null : session.user.name, session.held != null)));
        List<UserEntry> users = new ArrayList<>();
        for (User user : state.users.values()) {
            users.add(new UserEntry(user.name, user.connection.id(), user.connection.remoteIp(), user.clientVersion,
                    line(user.line), user.loginMillis, user.moderator, user.registered, user.gameId, user.location,
                    user.status, user.flood.windowStart(), user.flood.count()));
        }
        List<LineEntry> lines = new ArrayList<>();
        for (LineLobby line : state.lines.values()) {
            lines.add(new LineEntry(line(line.line), Payload.of(line.list.document().output())));
        }
        List<BanEntry> bans = new ArrayList<>();
        state.bans.bans().forEach(ban -> bans.add(banEntry(ban, false)));
        state.bans.deleted().forEach(ban -> bans.add(banEntry(ban, true)));
        List<FailedLogin> failed = new ArrayList<>();
        state.failedLogins.failures().forEach((address, times) -> failed.add(new FailedLogin(address, times)));
        List<IpLogEntry> ipLog = new ArrayList<>();
        for (IpLog.Entry entry : state.ipLog.entries()) {
            ipLog.add(new IpLogEntry(entry.nick, entry.ip, entry.loginMillis, entry.logoutMillis));
        }
        return new LobbySnapshot(lobby.nowMillis(), state.lastGameId, state.denyUnregistered, state.shuttingDown,
                statistics, sessions, users, lines, List.of(), bans, failed, ipLog, lobby.gameArchive().openRecordIds());
    }

    private static LobbySnapshot withGames(LobbySnapshot lobbyPart, List<GameEntry> gameEntries) {
        LobbySnapshot s = lobbyPart;
        return new LobbySnapshot(s.writtenMillis(), s.lastGameId(), s.denyUnregistered(), s.shuttingDown(),
                s.statistics(), s.sessions(), s.users(), s.lines(), gameEntries, s.bans(), s.failedLogins(), s.ipLog(),
                s.openRecords());
    }

    private static BanEntry banEntry(BanList.Ban ban, boolean lifted) {
        return new BanEntry(ban.ipMask(), ban.nick(), ban.reason(), ban.startMillis(), ban.endMillis(), ban.issuer(),
                ban.group(), lifted);
    }

    private static Line line(VersionLine line) {
        return new Line(line.name(), line.major(), line.minor());
    }

    // ------------------------------------------------------------------ restore

    /**
     * Takes over a captured state, on the lobby actor; completes with the number of connections
     * carried over, or with a {@link SnapshotException} (then this lobby holds part of the state and
     * is to be discarded: the upgrade goes back to the previous lobby).
     * {@code connections} finds an open connection by id (null when it closed meanwhile: its player
     * is restored and then leaves as anyone who disconnects).
     */
    public CompletableFuture<Integer> restore(LobbySnapshot snapshot, LongFunction<Connection> connections) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        lobby.execute(() -> {
            try {
                result.complete(restoreOnActor(snapshot, connections));
            } catch (SnapshotException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private int restoreOnActor(LobbySnapshot snapshot, LongFunction<Connection> connections) throws SnapshotException {
        if (!state.sessions.isEmpty() || !state.games.isEmpty()) {
            throw new IllegalStateException("a lobby already in use cannot take over another's state");
        }
        Map<Long, String> addresses = new HashMap<>();
        snapshot.users().forEach(user -> addresses.put(user.connectionId(), user.ip()));
        Map<Long, Connection> resolved = new HashMap<>();
        List<Connection> closed = new ArrayList<>();
        LongFunction<Connection> connectionOf = id -> resolved.computeIfAbsent(id, key -> {
            Connection open = connections.apply(key);
            if (open != null && open.isOpen()) {
                return open;
            }
            Connection gone = new ClosedConnection(key, addresses.getOrDefault(key, ""));
            closed.add(gone);
            return gone;
        });
        restoreCounters(snapshot);
        Map<String, User> users = new LinkedHashMap<>();
        for (UserEntry entry : snapshot.users()) {
            Connection connection = connectionOf.apply(entry.connectionId());
            User user = new User(entry.name(), connection, entry.clientVersion(), versionLine(entry.line()),
                    entry.loginMillis(), new FloodControl(entry.floodWindowStart(), entry.floodCount()));
            user.moderator = entry.moderator();
            user.registered = entry.registered();
            user.gameId = entry.gameId();
            user.location = entry.location();
            user.status = entry.status();
            users.put(user.name, user);
        }
        List<Session> checksCut = new ArrayList<>();
        for (SessionEntry entry : snapshot.sessions()) {
            Session session = new Session(connectionOf.apply(entry.connectionId()));
            session.clientVersion = entry.clientVersion();
            if (entry.userName() != null) {
                session.user = users.get(entry.userName());
                if (session.user == null) {
                    throw new SnapshotException("connection " + entry.connectionId() + " is of " + entry.userName()
                            + ", who is not among the users");
                }
            } else if (entry.loginCheckRunning()) {
                checksCut.add(session);
            }
            state.sessions.put(entry.connectionId(), session);
        }
        for (User user : users.values()) {
            state.users.put(user.name, user);
            state.online.put(user.name, user.connection.remoteIp(), user.moderator);
        }
        for (LineEntry entry : snapshot.lines()) {
            restoreList(entry);
        }
        for (GameEntry entry : snapshot.games()) {
            state.games.put(entry.id(), games.restore(entry, connectionOf));
        }
        lobby.gameArchive().adopt(snapshot.openRecords());
        for (User user : users.values()) {
            if (user.gameId != 0 && !state.games.containsKey(user.gameId)) {
                throw new SnapshotException(user.name + " is in game " + user.gameId + ", which is not in the snapshot");
            }
        }
        // A login the account store was checking was answered to the previous lobby: ask again.
        for (Session session : checksCut) {
            session.connection.send(MUST_LOGIN);
        }
        for (Connection gone : closed) {
            membership.forget(gone, "connection closed during the upgrade");
        }
        LOG.info("Took over {} connections, {} users and {} games from the previous lobby ({} closed meanwhile)",
                state.sessions.size(), state.users.size(), state.games.size(), closed.size());
        return state.sessions.size();
    }

    private void restoreCounters(LobbySnapshot snapshot) {
        state.lastGameId = snapshot.lastGameId();
        state.denyUnregistered = snapshot.denyUnregistered();
        state.shuttingDown = snapshot.shuttingDown();
        Statistics statistics = snapshot.statistics();
        state.statistics.restore(statistics.startMillis(), statistics.requestsServiced(), statistics.sampleFrequency(),
                statistics.endings());
        List<BanList.Ban> active = new ArrayList<>();
        List<BanList.Ban> lifted = new ArrayList<>();
        for (BanEntry entry : snapshot.bans()) {
            (entry.lifted() ? lifted : active).add(new BanList.Ban(entry.ipMask(), entry.nick(), entry.reason(),
                    entry.startMillis(), entry.endMillis(), entry.issuer(), entry.group()));
        }
        state.bans = new BanList(active, lifted);
        Map<String, List<Long>> failures = new HashMap<>();
        snapshot.failedLogins().forEach(failed -> failures.put(failed.address(), failed.times()));
        state.failedLogins.restore(failures);
        List<IpLog.Entry> entries = new ArrayList<>();
        for (IpLogEntry entry : snapshot.ipLog()) {
            IpLog.Entry restored = new IpLog.Entry(entry.nick(), entry.ip(), entry.loginMillis());
            restored.logoutMillis = entry.logoutMillis();
            entries.add(restored);
        }
        state.ipLog.restore(entries);
    }

    private void restoreList(LineEntry entry) throws SnapshotException {
        Document list;
        try {
            list = Document.parse(entry.list().bytes());
        } catch (WmlException e) {
            throw new SnapshotException("the lobby list of line " + entry.line().name() + " is not WML: " + e.getMessage());
        }
        String misfit = state.line(versionLine(entry.line())).list.restore(list, state.users::get);
        if (misfit != null) {
            throw new SnapshotException("the lobby list of line " + entry.line().name() + " does not fit: " + misfit);
        }
    }

    private static VersionLine versionLine(Line line) {
        return new VersionLine(line.name(), line.major(), line.minor());
    }
}
