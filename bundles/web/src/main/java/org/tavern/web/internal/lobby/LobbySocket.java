package org.tavern.web.internal.lobby;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.transport.ConnectionHandler;
import org.tavern.wml.Document;

/**
 * One browser's WebSocket: checks its limits, turns its JSON messages into the WML a game client
 * sends and hands them to the lobby's {@link ConnectionHandler}, as the transport does for a socket.
 * Calls to the handler for one socket are made one at a time (this object's monitor), in order.
 * Public only because Jakarta WebSocket insists on public endpoint classes.
 */
public final class LobbySocket extends Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(LobbySocket.class);

    /** Set by the handshake (SocketEndpoint) when the page came from another site. */
    static final String CROSS_ORIGIN = "tavern.crossOrigin";
    static final String SECURE = "tavern.secure";
    /** Where Jetty puts the peer's address (its Jakarta WebSocket implementation). */
    static final String REMOTE_ADDRESS = "jakarta.websocket.endpoint.remoteAddress";

    private final WebLobby lobby;
    private WebConnection connection;
    private ConnectionHandler handler;
    private String nick = "";
    private volatile boolean loggedIn;
    private long openedAtNanos;
    private int badMessages;
    private boolean flooded;
    private RateLimit rate;

    LobbySocket(WebLobby lobby) {
        this.lobby = lobby;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        WebLobbyConfig limits = lobby.config();
        InetSocketAddress remote = session.getUserProperties().get(REMOTE_ADDRESS) instanceof InetSocketAddress a
                ? a : null;
        boolean secure = Boolean.TRUE.equals(session.getUserProperties().get(SECURE));
        session.setMaxTextMessageBufferSize(Math.max(256, limits.max_message_bytes()));
        session.setMaxBinaryMessageBufferSize(256);
        session.setMaxIdleTimeout(Math.max(5, limits.idle_timeout_seconds()) * 1000L);
        connection = new WebConnection(session, remote, secure, limits.max_queued_bytes(), lobby.translations(),
                this::fromLobby, lobby.slowDrops());
        rate = new RateLimit(Math.max(1, limits.messages_per_second()), Math.max(1, limits.message_burst()));
        openedAtNanos = System.nanoTime();
        if (Boolean.TRUE.equals(session.getUserProperties().get(CROSS_ORIGIN))) {
            connection.closeNow(CloseReason.CloseCodes.VIOLATED_POLICY, "The web lobby accepts only its own pages");
            return;
        }
        String refusal = lobby.admit(this);
        if (refusal != null) {
            connection.closeNow(CloseReason.CloseCodes.TRY_AGAIN_LATER, refusal);
            return;
        }
        handler = lobby.handler();
        if (handler == null) {
            lobby.leave(this);
            connection.closeNow(CloseReason.CloseCodes.TRY_AGAIN_LATER, "The lobby is not running; try again soon");
            return;
        }
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::onText);
        synchronized (this) {
            handler.connected(connection);
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        if (connection == null) {
            return;
        }
        lobby.leave(this);
        synchronized (this) {
            if (handler != null) {
                handler.disconnected(connection, "web socket closed (" + closeReason.getCloseCode().getCode()
                        + (closeReason.getReasonPhrase().isEmpty() ? "" : ": " + closeReason.getReasonPhrase()) + ")");
                handler = null;
            }
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        LOG.debug("Web socket {} failed: {}", connection, error.toString());
    }

    WebConnection connection() {
        return connection;
    }

    boolean loggedIn() {
        return loggedIn;
    }

    long openedAtNanos() {
        return openedAtNanos;
    }

    /** The lobby went away: this socket's session ends (the page offers to reconnect). */
    synchronized void lobbyGone() {
        handler = null;
        connection.closeNow(CloseReason.CloseCodes.GOING_AWAY, "The lobby is restarting; reconnect in a moment");
    }

    /**
     * A document the lobby sends: the version request is answered here (the page never sees it) and
     * {@code [join_lobby]} marks the session logged in. True when it is not to be passed to the page.
     */
    private boolean fromLobby(Document document) {
        var root = document.root();
        if (root.child("join_lobby") != null) {
            loggedIn = true;
        }
        var error = root.child("error");
        if (error != null && error.has("error_code")) {
            lobby.refusals().count(error.text("error_code"));
        }
        var version = root.child("version");
        if (version != null && version.attributeNames().isEmpty() && root.children().size() == 1) {
            toLobby(LobbyRequests.version(lobby.config().client_version()));
            return true;
        }
        return false;
    }

    private synchronized void toLobby(Document document) {
        if (handler != null && connection.isOpen()) {
            handler.received(connection, document);
        }
    }

    private void onText(String text) {
        connection.received(text.length());
        if (flooded) {
            return; // closing: what else comes is dropped unread
        }
        if (!rate.tryTake(System.nanoTime())) {
            flooded = true;
            connection.sendThenClose(WmlJson.message("error", WmlJson.kwargs().put("code", "flood"),
                    "Too many messages: the connection is closed."), CloseReason.CloseCodes.VIOLATED_POLICY,
                    "too many messages");
            return;
        }
        ClientMessage message;
        try {
            message = ClientMessage.parse(text);
        } catch (ClientMessage.Malformed e) {
            bad("malformed", "Malformed message: " + e.getMessage());
            return;
        }
        switch (message.name()) {
            case "ping" -> connection.sendText(WmlJson.message("pong", WmlJson.kwargs()));
            case "login" -> login(message.arg(0, "name"), message.kwargs().getOrDefault("password", ""));
            case "chat" -> ifLoggedIn(() -> toLobby(LobbyRequests.chat(nick, message.arg(0, "text"))));
            case "whisper" -> ifLoggedIn(() -> toLobby(LobbyRequests.whisper(nick, message.arg(0, "to"),
                    message.arg(1, "text"))));
            case "query" -> ifLoggedIn(() -> toLobby(LobbyRequests.query(message.arg(0, "command"))));
            case "refresh_lobby" -> ifLoggedIn(() -> toLobby(LobbyRequests.refreshLobby()));
            default -> bad("unknown_message", "Unknown message '" + shorten(message.name()) + "'.");
        }
    }

    private void login(String name, String password) {
        if (loggedIn) {
            bad("already_logged_in", "You are logged in already.");
            return;
        }
        if (!password.isEmpty() && !connection.isTls() && !isLoopback()) {
            connection.sendText(WmlJson.message("error", WmlJson.kwargs().put("code", "insecure_password"),
                    "Passwords are accepted only over HTTPS (or from the server's own machine)."));
            return;
        }
        nick = name;
        toLobby(LobbyRequests.login(name, password));
    }

    private boolean isLoopback() {
        InetSocketAddress remote = connection.remoteAddress();
        return remote != null && remote.getAddress() != null && remote.getAddress().isLoopbackAddress();
    }

    private void ifLoggedIn(Runnable action) {
        if (!loggedIn) {
            bad("not_logged_in", "Log in first.");
            return;
        }
        action.run();
    }

    private void bad(String code, String text) {
        connection.sendText(WmlJson.message("error", WmlJson.kwargs().put("code", code), text));
        if (++badMessages >= Math.max(1, lobby.config().max_bad_messages())) {
            flooded = true;
            connection.sendThenClose(WmlJson.message("error", WmlJson.kwargs().put("code", "too_many_bad_messages"),
                    "Too many bad messages: the connection is closed."), CloseReason.CloseCodes.PROTOCOL_ERROR,
                    "too many bad messages");
        }
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
