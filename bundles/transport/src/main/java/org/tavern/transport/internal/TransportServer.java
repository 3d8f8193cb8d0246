package org.tavern.transport.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.filter.codec.ProtocolEncoderAdapter;
import org.apache.mina.filter.codec.ProtocolEncoderOutput;
import org.apache.mina.transport.socket.SocketSessionConfig;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.osgi.framework.BundleContext;
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
import org.tavern.transport.Connection;
import org.tavern.transport.ConnectionHandler;
import org.tavern.transport.Transport;
import org.tavern.wml.Document;

/**
 * Owns every player socket: a MINA acceptor whose N I/O processors are the shards (a connection stays
 * on one for life, and its frames are inflated and parsed there), the handshake and framing filters,
 * and the dispatch to the {@link ConnectionHandler} whiteboard service.
 *
 * <p>Reconfiguration never drops a connection: limits, TLS and keepalive apply live; a new port or
 * address re-binds the listener; a new shard count starts a new acceptor for new connections while
 * the old one keeps serving its connections until they end.
 */
@Component(service = Transport.class, configurationPid = {"tavern.servercfg.transport", "tavern.transport"},
        immediate = true)
public class TransportServer implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(TransportServer.class);

    private final BundleContext context;
    private final ConcurrentHashMap<Long, MinaConnection> connections = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicInteger> connectionsPerIp = new ConcurrentHashMap<>();
    private final HandlerDispatch dispatch;
    private final MemoryBudget budget = new MemoryBudget();
    private final NetworkEvents events = new NetworkEvents();
    private final SlowReaders slowReaders = new SlowReaders();
    private final ConnectionWatch watch;
    private final List<NioSocketAcceptor> retiredAcceptors = new CopyOnWriteArrayList<>();

    private volatile Limits limits;
    private volatile SSLContext tls;
    private volatile boolean keepalive;
    private NioSocketAcceptor acceptor;
    /** False once {@link #stopAccepting()} closed the listener for good (a graceful shutdown). */
    private boolean accepting = true;
    private int shardCount;
    private InetSocketAddress boundTo;

    @Activate
    public TransportServer(BundleContext context, TransportConfig config, java.util.Map<String, Object> properties)
            throws IOException {
        this.context = context;
        this.limits = Limits.from(config);
        this.dispatch = new HandlerDispatch(() -> limits);
        applyTls(config);
        keepalive = keepalive(config);
        shardCount = shards(config);
        acceptor = newAcceptor(shardCount);
        boundTo = address(config);
        Binding.bindOrExplain(acceptor, boundTo);
        watch = new ConnectionWatch(() -> limits, budget, events, connections::values, this::sessions);
        watch.start();
        LOG.info("Listening on port {} with {} shards{}", port(), shardCount, tls != null ? ", TLS offered" : "");
        ConfigurationSource.log(config, properties);
    }

    /** Every socket of the current and retired acceptors, handshake done or not. */
    private Collection<IoSession> sessions() {
        List<IoSession> all;
        synchronized (this) {
            all = new ArrayList<>(acceptor.getManagedSessions().values());
        }
        for (NioSocketAcceptor old : retiredAcceptors) {
            all.addAll(old.getManagedSessions().values());
        }
        return all;
    }

    @Modified
    void modified(TransportConfig config, java.util.Map<String, Object> properties) throws IOException {
        ConfigurationSource.log(config, properties);
        limits = Limits.from(config);
        applyTls(config);
        boolean newKeepalive = keepalive(config);
        if (newKeepalive != keepalive) {
            keepalive = newKeepalive;
            for (MinaConnection connection : connections.values()) {
                connection.setKeepAlive(newKeepalive);
            }
        }
        int newShards = shards(config);
        InetSocketAddress newAddress = address(config);
        synchronized (this) {
            if (!accepting) {
                return; // shutting down: the listener stays closed whatever the new settings say
            }
            if (newShards != shardCount) {
                NioSocketAcceptor old = acceptor;
                old.unbind();
                retiredAcceptors.add(old);
                acceptor = newAcceptor(newShards);
                shardCount = newShards;
                acceptor.bind(newAddress);
                boundTo = newAddress;
                LOG.info("Now {} shards for new connections on port {}; {} connections stay on the old ones",
                        newShards, port(), old.getManagedSessionCount());
                disposeIdleRetired();
            } else if (!newAddress.equals(boundTo)) {
                acceptor.unbind();
                acceptor.bind(newAddress);
                boundTo = newAddress;
                LOG.info("Listening on port {}; open connections kept", port());
            }
        }
    }

    @Deactivate
    synchronized void deactivate() {
        watch.close();
        for (MinaConnection connection : connections.values()) {
            connection.close("server shutting down");
        }
        acceptor.unbind();
        acceptor.dispose(true);
        for (NioSocketAcceptor old : retiredAcceptors) {
            old.dispose(true);
        }
        LOG.info("Transport stopped");
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setHandler(ConnectionHandler handler) {
        dispatch.bind(handler, new ArrayList<>(connections.values()));
    }

    void unsetHandler(ConnectionHandler handler) {
        dispatch.unbind(handler, new ArrayList<>(connections.values()));
    }

    // ------------------------------------------------------------------ Transport

    @Override
    public Collection<Connection> connections() {
        return Collections.unmodifiableCollection(connections.values());
    }

    @Override
    public Connection connection(long id) {
        return connections.get(id);
    }

    @Override
    public synchronized void stopAccepting() {
        if (accepting) {
            accepting = false;
            acceptor.unbind(); // setCloseOnDeactivation(false): the open connections stay
            LOG.info("No longer accepting connections; {} open connections stay", connections.size());
        }
    }

    @Override
    public synchronized int port() {
        InetSocketAddress local = (InetSocketAddress) acceptor.getLocalAddress();
        return local == null ? -1 : local.getPort();
    }

    @Override
    public List<ShardStatistics> shards() {
        int n;
        synchronized (this) {
            n = shardCount;
        }
        int[] count = new int[n];
        long[] framesRead = new long[n];
        long[] framesWritten = new long[n];
        long[] bytesRead = new long[n];
        long[] bytesWritten = new long[n];
        long[] queued = new long[n];
        for (MinaConnection c : connections.values()) {
            int s = c.shard();
            if (s < n) {
                count[s]++;
                framesRead[s] += c.framesRead();
                framesWritten[s] += c.framesWritten();
                bytesRead[s] += c.bytesRead();
                bytesWritten[s] += c.bytesWritten();
                queued[s] += c.queuedBytes();
            }
        }
        List<ShardStatistics> result = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            result.add(new ShardStatistics(s, count[s], framesRead[s], framesWritten[s], bytesRead[s],
                    bytesWritten[s], queued[s]));
        }
        return result;
    }

    @Override
    public BudgetStatistics budget() {
        Limits bounds = limits;
        return new BudgetStatistics(bounds.budgetBytes(), bounds.budgetPerAddress(), bounds.budgetPerConnection(),
                bounds.maxQueuedBytes(), budget.inbound(), budget.inflating(), budget.queued());
    }

    @Override
    public Optional<Duration> lastHandlerGap() {
        return dispatch.lastGap();
    }

    @Override
    public SlowClientDrops slowClientDrops() {
        return slowReaders.read();
    }

    // ------------------------------------------------------------------ MINA plumbing

    private NioSocketAcceptor newAcceptor(int shards) {
        NioSocketAcceptor created = new ShardedAcceptor(shards);
        created.setReuseAddress(true);
        created.setCloseOnDeactivation(false); // re-binding must not drop players
        created.setBacklog(512);
        created.setSessionDataStructureFactory(new CoalescingSessionStructures()); // one write per queued burst
        SocketSessionConfig sessionConfig = created.getSessionConfig();
        sessionConfig.setTcpNoDelay(true); // real clients otherwise wait ~40 ms on delayed ACKs
        sessionConfig.setKeepAlive(keepalive);
        created.getFilterChain().addLast(HandshakeFilter.NAME,
                new HandshakeFilter(events, () -> tls, this::handshakeCompleted));
        created.getFilterChain().addLast("frames",
                new ProtocolCodecFilter(new RawFrameEncoder(), new FrameDecoder(() -> limits, budget)));
        created.setHandler(new SessionEvents(shards));
        return created;
    }

    /** Called on the shard thread once the 4-byte handshake is answered. */
    private void handshakeCompleted(IoSession session) {
        int shards = ((SessionEvents) session.getHandler()).shards;
        MinaConnection connection = new MinaConnection(session, (int) (Math.abs((int) session.getId()) % shards),
                () -> limits, budget, events, slowReaders);
        int sendBuffer = limits.sendBufferBytes();
        if (sendBuffer > 0 && session.getConfig() instanceof SocketSessionConfig socket) {
            socket.setSendBufferSize(sendBuffer); // kernel memory per socket counts too: bounded, not auto-tuned
        }
        session.setAttribute(MinaConnection.SESSION_KEY, connection);
        int allowed = limits.connectionsPerIp();
        AtomicInteger fromIp = connectionsPerIp.computeIfAbsent(connection.remoteIp(), ip -> new AtomicInteger());
        int count = fromIp.incrementAndGet();
        connections.put(connection.id(), connection);
        if (allowed > 0 && count > allowed) {
            Document error = Document.create();
            error.root().addChild("error").set("message", "Too many connections from your IP.");
            connection.send(error);
            connection.close(NetworkEvents.Level.WARN, "more than " + allowed + " connections from one address",
                    "");
            return;
        }
        dispatch.connected(connection);
    }

    /** MINA's session events, translated into the dispatcher's. */
    private final class SessionEvents extends IoHandlerAdapter {

        final int shards;

        SessionEvents(int shards) {
            this.shards = shards;
        }

        @Override
        public void messageReceived(IoSession session, Object message) {
            MinaConnection connection = MinaConnection.of(session);
            if (connection != null && message instanceof Document document) {
                connection.framesRead.increment();
                dispatch.received(connection, document);
            }
        }

        @Override
        public void sessionClosed(IoSession session) {
            MinaConnection connection = MinaConnection.of(session);
            if (connection == null) {
                return;
            }
            connections.remove(connection.id());
            connectionsPerIp.computeIfPresent(connection.remoteIp(),
                    (ip, count) -> count.decrementAndGet() <= 0 ? null : count);
            dispatch.disconnected(connection, connection.closeReason());
            disposeIdleRetired();
        }

        @Override
        public void exceptionCaught(IoSession session, Throwable cause) {
            MinaConnection connection = MinaConnection.of(session);
            if (cause instanceof IOException lost) {
                if (connection != null) {
                    connection.lost(lost);
                } else {
                    LOG.debug("I/O error on {}: {}", session.getId(), cause.toString());
                    session.closeNow();
                }
                return;
            }
            LOG.error("Unexpected error on session {} from {}", session.getId(), session.getRemoteAddress(), cause);
            if (connection != null) {
                connection.closeNow("error: " + cause, "");
            } else {
                session.closeNow();
            }
        }
    }

    /** Frames are written as ready-made buffers; anything else reaching the encoder is a bug. */
    private static final class RawFrameEncoder extends ProtocolEncoderAdapter {
        @Override
        public void encode(IoSession session, Object message, ProtocolEncoderOutput out) {
            throw new IllegalArgumentException("only encoded frames can be written, not " + message.getClass());
        }
    }

    private void disposeIdleRetired() {
        for (NioSocketAcceptor old : retiredAcceptors) {
            if (old.getManagedSessionCount() == 0 && retiredAcceptors.remove(old)) {
                // Disposing from one of its own I/O threads would deadlock: hand it to another thread.
                Thread disposer = new Thread(() -> old.dispose(true), "tavern-acceptor-dispose");
                disposer.setDaemon(true);
                disposer.start();
            }
        }
    }

    // ------------------------------------------------------------------ configuration

    private void applyTls(TransportConfig config) {
        if (!config.tls_enabled()) {
            tls = null;
            return;
        }
        try {
            tls = TlsContexts.fromPem(Path.of(config.tls_fullchain()), Path.of(config.tls_private_key()));
        } catch (IOException | java.security.GeneralSecurityException | java.nio.file.InvalidPathException e) {
            tls = null;
            LOG.error("TLS is enabled but cannot be set up, clients asking for it continue in plain: {}",
                    e.toString());
        }
    }

    private boolean keepalive(TransportConfig config) {
        String value = config.keepalive().trim();
        if (value.isEmpty()) {
            return Boolean.parseBoolean(context.getProperty("tavern.keepalive"));
        }
        return Boolean.parseBoolean(value);
    }

    private static int shards(TransportConfig config) {
        int configured = config.shards();
        return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    }

    private InetSocketAddress address(TransportConfig config) {
        int port = config.port();
        if (port == TransportConfig.PORT_FROM_LAUNCHER) {
            String fromLauncher = context.getProperty("tavern.port");
            port = fromLauncher == null ? 15000 : Integer.parseInt(fromLauncher.trim());
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
        }
        String host = config.bind_address().trim();
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }
}
