package org.tavern.lobby.internal.lobby;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.lobby.internal.common.ServerMessages;
import org.tavern.lobby.internal.game.Game;
import org.tavern.transport.Connection;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * The connections' side of the lobby (lobby actor): a connection is admitted or refused, then what
 * it sends goes to its login until it is logged in, and after that to the lobby command its
 * document names, or to his game. While the account store checks a login, what the connection
 * sends waits, and is handled in order afterwards.
 */
final class Sessions {

    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);
    private static final Document VERSION_REQUEST = ServerMessages.empty("version");

    private final Lobby lobby;
    private final LobbyState state;
    /** The actor's own mailbox: a login (or its version) may join the pending announcement. */
    private final Executor mailbox;
    private final Admission admission;
    private final LoginAnnouncer announcer;
    private final LoginHandler login;
    /** wesnothd's dispatch: the first of these a document contains is handled, and nothing else. */
    private final List<LobbyCommand> firstMatchCommands;
    private final Map<String, LobbyCommand> lobbyCommands = new HashMap<>();

    Sessions(Lobby lobby, LobbyState state, Executor mailbox, LoginAnnouncer announcer, LoginHandler login,
            List<LobbyCommand> firstMatchCommands, List<LobbyCommand> lobbyCommands) {
        this.lobby = lobby;
        this.state = state;
        this.mailbox = mailbox;
        this.admission = new Admission(lobby, state);
        this.announcer = announcer;
        this.login = login;
        this.firstMatchCommands = List.copyOf(firstMatchCommands);
        for (LobbyCommand command : lobbyCommands) {
            this.lobbyCommands.put(command.tag(), command);
        }
    }

    void connected(Connection connection) {
        mailbox.execute(() -> { // a connection that is not logged in sees nothing of the lobby yet
            if (state.sessions.containsKey(connection.id())) {
                return; // handed over by the previous lobby (a live upgrade): it goes on where it was
            }
            if (admission.refuses(connection)) {
                return;
            }
            state.sessions.put(connection.id(), new Session(connection));
            connection.send(VERSION_REQUEST);
        });
    }

    void received(Connection connection, Document document) {
        mailbox.execute(() -> {
            Session session = state.sessions.get(connection.id());
            if (session == null) {
                return;
            }
            if (session.user != null) {
                announcer.announce(); // only a login (or its version) may join the pending announcement
            }
            if (session.held != null) {
                if (session.held.size() >= Lobby.MAX_HELD_DOCUMENTS) {
                    LOG.warn("{} sent {} documents while its login was checked; closing it", connection,
                            session.held.size());
                    connection.close("too many documents while logging in");
                    return;
                }
                session.held.add(document);
                return;
            }
            handle(session, document);
        });
    }


    private void handle(Session session, Document document) {
        state.statistics.countRequest();
        try {
            dispatch(session, document);
        } catch (RuntimeException e) {
            LOG.error("Failed to handle a document from {} ({}); closing it", session.connection,
                    session.user != null ? session.user.name : "not logged in", e);
            session.connection.close("internal error");
        }
    }

    private void dispatch(Session session, Document document) {
        Node root = document.root();
        if (session.user == null) {
            if (session.clientVersion == null) {
                session.clientVersion = login.version(session.connection, root);
            } else {
                login.login(session.connection, session.clientVersion, root, user -> session.user = user);
            }
            return;
        }
        User user = session.user;
        for (LobbyCommand command : firstMatchCommands) {
            Node element = root.child(command.tag());
            if (element != null) {
                Game game = state.games.get(user.gameId);
                if (game == null) {
                    command.handle(lobby, user, element);
                } else {
                    // Whatever this player asked of his game before is done first: the reply must not
                    // overtake the game's answers (both actors write to the same connection).
                    game.execute(() -> lobby.execute(() -> command.handle(lobby, user, element)));
                }
                return;
            }
        }
        if (user.inLobby()) {
            for (Node element : root.children()) {
                LobbyCommand command = lobbyCommands.get(element.name());
                if (command != null) {
                    command.handle(lobby, user, element);
                    return;
                }
            }
        } else {
            Game game = state.games.get(user.gameId);
            if (game != null) {
                String name = user.name;
                game.execute(() -> game.received(name, document));
                return;
            }
        }
        // Anything else (ping, leave_game in the lobby, unknown tags) is ignored, as wesnothd does.
        if (LOG.isDebugEnabled()) {
            LOG.debug("Ignored a document from {}: {}", user.name,
                    root.children().stream().map(Node::name).toList());
        }
    }

    void holdDocuments(Connection connection) {
        Session session = state.sessions.get(connection.id());
        if (session != null && session.held == null) {
            session.held = new ArrayDeque<>();
        }
    }

    /** The check is over: the documents that waited are handled in order (one may start a new check). */
    void releaseDocuments(Connection connection) {
        Session session = state.sessions.get(connection.id());
        if (session == null || session.held == null) {
            return;
        }
        ArrayDeque<Document> waiting = session.held;
        session.held = null;
        if (!waiting.isEmpty()) {
            announcer.announce(); // what he sent while checked must not reach the lobby before his login
        }
        while (!waiting.isEmpty() && state.sessions.get(connection.id()) == session) {
            handle(session, waiting.poll());
            if (session.held != null) {
                session.held.addAll(waiting); // a new check started: the rest waits for it
                return;
            }
        }
    }

    /** Whether the connection is still open and not yet logged in. */
    boolean awaitingLogin(Connection connection) {
        Session session = state.sessions.get(connection.id());
        return session != null && session.user == null;
    }
}
