package org.tavern.lobby.internal.lobby;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.lobby.internal.common.ServerMessages;
import org.tavern.lobby.internal.common.VersionLine;
import org.tavern.lobby.internal.game.Game;
import org.tavern.transport.Connection;
import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;

/** Who is logged in: players join and leave the lobby, and what is sent to all of them (lobby actor). */
final class Membership {

    private static final Logger LOG = LoggerFactory.getLogger(Membership.class);

    private final Lobby lobby;
    private final LobbyState state;
    private final LoginAnnouncer announcer;

    Membership(Lobby lobby, LobbyState state, LoginAnnouncer announcer) {
        this.lobby = lobby;
        this.state = state;
        this.announcer = announcer;
    }

    /**
     * Adds a logged-in user. The rest of the lobby is told, and he gets his {@code welcome}, once
     * the logins waiting in the mailbox with his are handled too: one diff for all of them.
     */
    void join(User user, Runnable welcome) {
        state.users.put(user.name, user);
        state.ipLog.loggedIn(user.name, user.connection.remoteIp(), lobby.nowMillis());
        state.online.put(user.name, user.connection.remoteIp(), user.moderator);
        announcer.add(user, welcome);
        // Players in games hear of it too, in their game's form; the client parses this exact sentence.
        String notice = user.name + " has logged into the lobby";
        for (Game game : state.games.values()) {
            if (game.line.equals(user.line)) { // his line's games only: the others' lists do not show him
                game.execute(() -> game.announce(notice));
            }
        }
        LOG.info("{} logged in from {} with {}", user.name, user.connection.remoteIp(), user.clientVersion);
        org.tavern.api.PlayerInfo player = user.info();
        lobby.plugins().tell("the login of " + user.name, listener -> listener.loggedIn(player));
    }

    void forget(Connection connection, String reason) {
        Session session = state.sessions.remove(connection.id());
        if (session != null && session.user != null) {
            User user = session.user;
            logout(user, reason);
            Game game = state.games.get(user.gameId);
            if (game != null) {
                game.execute(() -> game.disconnected(user.name));
            }
        }
    }

    private void logout(User user, String reason) {
        state.users.remove(user.name);
        if (state.users.isEmpty() && lobby.settings().lanServerSeconds() > 0) {
            lobby.shutdownWhenEmptyFor(lobby.settings().lanServerSeconds());
        }
        state.ipLog.loggedOut(user.name, user.connection.remoteIp(), lobby.nowMillis());
        state.online.remove(user.name);
        LineLobby line = state.lineOf(user);
        Document diff = line.list.removeUser(user);
        if (diff != null) {
            broadcastToLobby(user.line, EncodedFrame.of(diff), user);
        }
        if (state.users.values().stream().noneMatch(other -> other.line.equals(user.line))
                && line.pendingLogins.isEmpty()) {
            state.lines.remove(user.line); // a line exists while it has players: versions are the clients' to choose
        }
        LOG.info("{} left ({})", user.name, reason);
        String name = user.name;
        lobby.plugins().tell("the logout of " + name, listener -> listener.loggedOut(name, reason));
    }

    void kick(User user, String reason) {
        user.connection.send(ServerMessages.error("You have been kicked. Reason: " + reason));
        forget(user.connection, reason);
        user.connection.close(reason);
    }

    void sendAway(User user, String notice, String reason) {
        user.connection.send(ServerMessages.error(notice));
        lobby.afterReply(() -> {
            forget(user.connection, reason);
            user.connection.close(reason);
        });
    }

    void setModerator(User user, boolean moderator) {
        user.moderator = moderator;
        state.online.put(user.name, user.connection.remoteIp(), moderator);
    }

    /** To everyone in the lobby of {@code line} (not in a game) but {@code except}. */
    void broadcastToLobby(VersionLine line, EncodedFrame frame, User except) {
        for (User other : state.users.values()) {
            if (other != except && other.inLobby() && other.line.equals(line)) {
                other.connection.send(frame);
            }
        }
    }

    void broadcastToLobbyExcept(VersionLine line, EncodedFrame frame, List<User> alsoExcept, User except) {
        for (User other : state.users.values()) {
            if (other != except && other.inLobby() && other.line.equals(line) && !alsoExcept.contains(other)) {
                other.connection.send(frame);
            }
        }
    }

    void alertEveryone(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return;
        }
        EncodedFrame alert = EncodedFrame.of(ServerMessages.message(trimmed, "alert"));
        for (User user : state.users.values()) {
            user.connection.send(alert);
        }
    }
}
