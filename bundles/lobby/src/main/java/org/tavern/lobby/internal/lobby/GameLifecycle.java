package org.tavern.lobby.internal.lobby;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.lobby.internal.common.ServerMessages;
import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.game.GameCommand;
import org.tavern.lobby.internal.game.GameHandover;
import org.tavern.lobby.internal.game.JoinRequest;
import org.tavern.lobby.internal.game.LobbyLink;
import org.tavern.lobby.internal.game.Member;
import org.tavern.lobby.internal.game.OnlinePlayers;
import org.tavern.lobby.internal.game.command.InGameCommands;
import org.tavern.lobby.internal.history.GameArchive;
import org.tavern.lobby.internal.history.ReplayWriter;
import org.tavern.lobby.internal.plugin.Plugins;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.GameEntry;
import org.tavern.lobby.internal.snapshot.SnapshotException;
import org.tavern.transport.Connection;
import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * The lobby's side of the games: creating them, players joining, and what the games report (shown,
 * changed, a member left, ended), each handled on the lobby actor and shown in the lobby list.
 */
final class GameLifecycle implements LobbyLink {

    private static final Logger LOG = LoggerFactory.getLogger(GameLifecycle.class);
    private static final List<GameCommand> GAME_COMMANDS = InGameCommands.inPrecedence();

    private final Lobby lobby;
    private final LobbyState state;
    /** Runs the games' actors. */
    private final Executor pool;

    GameLifecycle(Lobby lobby, LobbyState state, Executor pool) {
        this.lobby = lobby;
        this.state = state;
        this.pool = pool;
    }

    /** A handed-over game, reporting to this lobby and run on its pool (lobby actor). */
    Game restore(GameEntry entry, LongFunction<Connection> connections) throws SnapshotException {
        return GameHandover.restore(entry, pool, this, connections);
    }

    // ------------------------------------------------------------------ what games ask (any actor)

    @Override
    public long nowMillis() {
        return lobby.nowMillis();
    }

    @Override
    public Plugins plugins() {
        return lobby.plugins();
    }

    @Override
    public org.tavern.lobby.internal.metrics.Counters counters() {
        return lobby.services().counters();
    }

    @Override
    public OnlinePlayers online() {
        return state.online;
    }

    @Override
    public GameArchive gameArchive() {
        return lobby.gameArchive();
    }

    @Override
    public ReplayWriter replays() {
        return lobby.replays();
    }

    @Override
    public List<GameCommand> gameCommands() {
        return GAME_COMMANDS;
    }

    // ------------------------------------------------------------------ players' requests (lobby actor)

    /** {@code [create_game]}: the game exists, the host is in it; nothing is shown until the level. */
    void createGame(User host, Node createGame) {
        int id = ++state.lastGameId;
        Game game = new Game(id, pool, this, createGame, new Member(host.name, host.connection),
                host.line);
        state.games.put(id, game);
        host.gameId = id;
        host.location = game.name();
        host.status = "playing";
        LOG.info("{} created game {} '{}'", host.name, id, game.name());
        game.execute(() -> {
            org.tavern.api.GameInfo info = game.info();
            lobby.plugins().tell("the creation of game " + id, listener -> listener.gameCreated(info));
        });
    }

    /** {@code [join]}: the game decides; the player waits outside the lobby until it has. */
    void join(User user, int gameId, boolean observe, String password) {
        Game game = state.games.get(gameId);
        if (game == null || !game.line.equals(user.line)) { // another line's games are not there for him
            refuseJoin(user, "Attempt to join unknown game.");
            return;
        }
        user.gameId = gameId;
        user.location = game.name();
        JoinRequest request = new JoinRequest(user.name, user.connection, observe, password,
                user.moderator);
        game.execute(() -> game.join(request));
    }

    private void refuseJoin(User user, String message) {
        user.connection.send(ServerMessages.empty("leave_game"));
        user.connection.send(ServerMessages.message(message, "error"));
        user.connection.send(state.lineOf(user).list.full());
    }

    // ------------------------------------------------------------------ games' reports (handed to the lobby actor)

    @Override
    public void gameVisible(Game game, Document description, String hostName) {
        lobby.execute(() -> {
            User host = state.users.get(hostName);
            if (host == null || host.gameId != game.id) {
                return; // the host left while the level was being read; the game will report its end
            }
            host.location = game.name(); // a game rule may have renamed it
            Document diff = state.line(game.line).list.addGame(game.id, description.root().child("game"), host);
            lobby.membership().broadcastToLobby(game.line, EncodedFrame.of(diff), null);
        });
    }

    /**
     * A game ended: each member still online returns to the lobby (the lobby hears of each), the game
     * leaves the list, and each returning member gets {@code [leave_game]} and the whole list.
     */
    @Override
    public void gameEnded(Game game, List<String> memberNames, boolean wasVisible, String hostError, String reason,
            String leaveReason) {
        lobby.execute(() -> ended(game, memberNames, wasVisible, hostError, reason, leaveReason));
    }

    private void ended(Game game, List<String> memberNames, boolean wasVisible, String hostError, String reason,
            String leaveReason) {
        state.games.remove(game.id);
        state.statistics.countEnding(reason);
        LineLobby line = state.line(game.line);
        List<User> returning = new ArrayList<>();
        for (String name : memberNames) {
            User user = state.users.get(name);
            if (user != null && user.gameId == game.id) {
                user.gameId = 0;
                user.location = "";
                user.status = "lobby";
                Document diff = line.list.changeUser(user);
                if (diff != null) {
                    lobby.membership().broadcastToLobbyExcept(game.line, EncodedFrame.of(diff), returning, user);
                }
                returning.add(user);
            }
        }
        Document leave = ServerMessages.empty("leave_game");
        boolean stopped = leaveReason != null;
        if (stopped && !leaveReason.isEmpty()) {
            leave.root().child("leave_game").set("reason", leaveReason);
        }
        EncodedFrame leaveFrame = EncodedFrame.of(leave);
        if (stopped) {
            // stopgame, as wesnothd's delete_game: the members get the list while it still shows the game,
            // and its removal with everyone else in the lobby
            sendBack(line, returning, leaveFrame, hostError);
        }
        Document removal = wasVisible ? line.list.removeGame(game.id) : null;
        if (removal != null) {
            lobby.membership().broadcastToLobby(game.line, EncodedFrame.of(removal), null);
        }
        if (!stopped) {
            sendBack(line, returning, leaveFrame, hostError);
        }
        LOG.info("Game {} '{}' ended", game.id, game.name());
        String name = game.name();
        lobby.plugins().tell("the end of game " + game.id, listener -> listener.gameEnded(game.id, name, reason));
    }

    /** Members of an ended game: {@code [leave_game]}, the whole list, and the host's error if any. */
    private void sendBack(LineLobby line, List<User> returning, EncodedFrame leaveFrame, String hostError) {
        for (User user : returning) {
            user.connection.send(leaveFrame);
            user.connection.send(line.list.full());
            if (hostError != null) {
                user.connection.send(ServerMessages.message(hostError, "error"));
            }
        }
    }

    @Override
    public void joinRefused(String name, int gameId, String message) {
        lobby.execute(() -> {
            User user = state.users.get(name);
            if (user != null && user.gameId == gameId) {
                user.gameId = 0;
                user.location = "";
                refuseJoin(user, message);
            }
        });
    }

    @Override
    public void joined(String name, int gameId, boolean observer, Document description) {
        lobby.execute(() -> {
            User user = state.users.get(name);
            if (user == null || user.gameId != gameId) {
                return;
            }
            user.status = observer ? "observing" : "playing";
            LOG.info("{} joined game {} as {}", name, gameId, observer ? "an observer" : "a player");
            Document diff = state.lineOf(user).list.changeGame(gameId, description.root().child("game"), user);
            if (diff != null) {
                lobby.membership().broadcastToLobby(user.line, EncodedFrame.of(diff), null);
            }
        });
    }

    /** His entry changes, without a diff. */
    @Override
    public void roleChanged(String name, int gameId, boolean observer) {
        lobby.execute(() -> {
            User user = state.users.get(name);
            if (user != null && user.gameId == gameId) {
                user.status = observer ? "observing" : "playing";
                state.lineOf(user).list.refreshUserQuietly(user);
            }
        });
    }

    @Override
    public void gameChanged(int gameId, Document description) {
        lobby.execute(() -> {
            Game game = state.games.get(gameId);
            if (game == null) {
                return; // it ended meanwhile; its end took it off the list
            }
            Document diff = state.line(game.line).list.changeGame(gameId, description.root().child("game"), null);
            if (diff != null) {
                lobby.membership().broadcastToLobby(game.line, EncodedFrame.of(diff), null);
            }
        });
    }

    /**
     * He is back in the lobby and gets the whole list. One who left of his own will does not get the
     * diff of his own leaving; one the host removed (kick, ban) is already told to leave and gets it,
     * as wesnothd sends it.
     */
    @Override
    public void memberLeft(String name, int gameId, Document description, boolean removed) {
        lobby.execute(() -> {
            User user = state.users.get(name);
            boolean returning = user != null && user.gameId == gameId;
            if (returning) {
                user.gameId = 0;
                user.location = "";
                user.status = "lobby";
            }
            Game game = state.games.get(gameId);
            LineLobby line = game != null ? state.line(game.line) : user != null ? state.lineOf(user) : null;
            if (line == null) {
                return;
            }
            Document diff = line.list.changeGame(gameId, description.root().child("game"), returning ? user : null);
            if (diff != null) {
                lobby.membership().broadcastToLobby(line.line, EncodedFrame.of(diff), returning && !removed ? user : null);
            }
            if (returning) {
                user.connection.send(line.list.full());
            }
        });
    }
}
