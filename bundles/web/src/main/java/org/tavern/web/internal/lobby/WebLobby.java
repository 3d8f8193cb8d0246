package org.tavern.web.internal.lobby;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.transport.ConnectionHandler;

/**
 * The web lobby's WebSocket at {@code /ws}: registers the endpoint with the container's Jakarta
 * WebSocket support when the whiteboard starts this servlet, follows the lobby's
 * {@link ConnectionHandler} (the same service the transport feeds) and keeps the open sockets, their
 * limits and the sweep that closes sockets that never log in.
 */
@Component(service = {jakarta.servlet.Servlet.class, WebLobby.class}, configurationPid = "tavern.web.lobby",
        property = {"osgi.http.whiteboard.servlet.pattern=" + WebLobby.PATH,
            "osgi.http.whiteboard.servlet.name=tavern-web-lobby"})
public class WebLobby extends HttpServlet {

    static final String PATH = "/ws";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(WebLobby.class);

    private final transient Set<LobbySocket> sockets = ConcurrentHashMap.newKeySet();
    private final transient ConcurrentHashMap<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final transient FrameTranslations translations = new FrameTranslations();
    private final transient Refusals refusals = new Refusals();
    private final transient java.util.concurrent.atomic.LongAdder slowDrops = new java.util.concurrent.atomic.LongAdder();
    private transient volatile WebLobbyConfig config;
    private transient volatile ConnectionHandler handler;
    private transient ScheduledExecutorService sweeper;

    @Activate
    void activate(WebLobbyConfig newConfig) {
        config = newConfig;
        sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tavern-web-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(this::closeThoseNotLoggedIn, 5, 5, TimeUnit.SECONDS);
    }

    @Modified
    void modified(WebLobbyConfig newConfig) {
        config = newConfig;
        LOG.info("Web lobby limits changed: {} sockets per address, login within {} s, messages of {} bytes at most",
                newConfig.connections_per_address(), newConfig.login_timeout_seconds(), newConfig.max_message_bytes());
    }

    @Deactivate
    void deactivate() {
        sweeper.shutdownNow();
        for (LobbySocket socket : List.copyOf(sockets)) {
            socket.lobbyGone();
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setHandler(ConnectionHandler newHandler) {
        handler = newHandler;
    }

    void unsetHandler(ConnectionHandler oldHandler) {
        if (handler == oldHandler) {
            handler = null;
            // The transport holds a game client's frames for the next lobby; a browser simply reconnects.
            for (LobbySocket socket : List.copyOf(sockets)) {
                socket.lobbyGone();
            }
        }
    }

    @Override
    public void init() throws ServletException {
        Object container = getServletContext().getAttribute(ServerContainer.class.getName());
        if (!(container instanceof ServerContainer server)) {
            throw new ServletException("No Jakarta WebSocket container in this servlet context (is "
                    + "org.apache.felix.jakarta.websocket.enable set?)");
        }
        ServerEndpointConfig endpoint = ServerEndpointConfig.Builder.create(LobbySocket.class, PATH)
                .configurator(new SocketConfigurator()).build();
        try {
            server.addEndpoint(endpoint);
        } catch (DeploymentException e) {
            throw new ServletException("Cannot add the web lobby's WebSocket endpoint", e);
        }
        LOG.info("Web lobby WebSocket ready at {}", PATH);
    }

    /** Plain GETs of /ws (no upgrade) are told what the path is for. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST, "The web lobby speaks WebSocket here");
    }

    /**
     * Builds each socket's endpoint with this lobby, and notes what only the handshake knows. Every
     * method is overridden: the API's defaults ask a "platform configurator" found by the JDK's
     * ServiceLoader, which the Jakarta API bundle cannot see inside OSGi.
     */
    private final class SocketConfigurator extends ServerEndpointConfig.Configurator {

        /** The origin is checked in {@link #modifyHandshake}, where the Host header is known too. */
        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return true;
        }

        @Override
        public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
            return "";
        }

        @Override
        public List<jakarta.websocket.Extension> getNegotiatedExtensions(List<jakarta.websocket.Extension> installed,
                List<jakarta.websocket.Extension> requested) {
            return List.of();
        }

        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) {
            return endpointClass.cast(new LobbySocket(WebLobby.this));
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig endpoint, HandshakeRequest request,
                HandshakeResponse response) {
            URI uri = request.getRequestURI();
            String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme();
            endpoint.getUserProperties().put(LobbySocket.SECURE, scheme.equals("wss") || scheme.equals("https"));
            endpoint.getUserProperties().put(LobbySocket.CROSS_ORIGIN, !sameOrigin(request.getHeaders()));
        }
    }

    /** A browser always sends Origin; a page of another site must not drive a player's session. */
    static boolean sameOrigin(Map<String, List<String>> headers) {
        String origin = header(headers, "Origin");
        String host = header(headers, "Host");
        if (origin == null) {
            return true; // not a browser (tools, tests): nothing of a player's to abuse
        }
        try {
            URI originUri = URI.create(origin);
            String originHost = originUri.getHost() + (originUri.getPort() < 0 ? "" : ":" + originUri.getPort());
            return host != null && (host.equalsIgnoreCase(originHost)
                    || host.equalsIgnoreCase(originUri.getHost()) && originUri.getPort() < 0);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    /** Counts a new socket in; the reason it is refused, or null. */
    String admit(LobbySocket socket) {
        WebLobbyConfig limits = config;
        if (sockets.size() >= limits.max_connections()) {
            return "The web lobby is full; try again later";
        }
        String address = socket.connection().remoteIp();
        int fromAddress = perAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        sockets.add(socket);
        if (limits.connections_per_address() > 0 && fromAddress > limits.connections_per_address()) {
            leave(socket);
            return "Too many web lobby connections from your address";
        }
        return null;
    }

    void leave(LobbySocket socket) {
        if (sockets.remove(socket)) {
            perAddress.computeIfPresent(socket.connection().remoteIp(),
                    (address, count) -> count.decrementAndGet() <= 0 ? null : count);
        }
    }

    private void closeThoseNotLoggedIn() {
        long limit = TimeUnit.SECONDS.toNanos(Math.max(1, config.login_timeout_seconds()));
        long now = System.nanoTime();
        for (LobbySocket socket : sockets) {
            if (!socket.loggedIn() && now - socket.openedAtNanos() > limit) {
                socket.connection().closeNow(jakarta.websocket.CloseReason.CloseCodes.VIOLATED_POLICY,
                        "No login within " + config.login_timeout_seconds() + " s");
            }
        }
    }

    WebLobbyConfig config() {
        return config;
    }

    ConnectionHandler handler() {
        return handler;
    }

    /** Refusals the lobby sent to web sessions, by wesnothd error code (for /metrics). */
    public Refusals refusals() {
        return refusals;
    }

    FrameTranslations translations() {
        return translations;
    }

    /** Browsers closed because their outbound queue passed {@code max.queued.bytes} (for /metrics). */
    public long slowClientsDropped() {
        return slowDrops.sum();
    }

    java.util.concurrent.atomic.LongAdder slowDrops() {
        return slowDrops;
    }

    /** Open sockets, and how many of them are logged in (for /metrics). */
    public int openSockets() {
        return sockets.size();
    }

    public int loggedInSockets() {
        int count = 0;
        for (LobbySocket socket : sockets) {
            if (socket.loggedIn()) {
                count++;
            }
        }
        return count;
    }
}
