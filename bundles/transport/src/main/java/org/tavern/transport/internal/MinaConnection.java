package org.tavern.transport.internal;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.ssl.SslFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.transport.AttributeKey;
import org.tavern.transport.Connection;
import org.tavern.transport.ConnectionHandler;
import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;

/** A {@link Connection} over a MINA session. Also holds what the dispatcher keeps per connection. */
final class MinaConnection implements Connection {

    static final org.apache.mina.core.session.AttributeKey SESSION_KEY =
            new org.apache.mina.core.session.AttributeKey(MinaConnection.class, "connection");

    private static final Logger LOG = LoggerFactory.getLogger(MinaConnection.class);

    private final IoSession session;
    private final int shard;
    private final Supplier<Limits> limits;
    private final ConcurrentHashMap<AttributeKey<?>, Object> attributes = new ConcurrentHashMap<>();
    final LongAdder framesRead = new LongAdder();
    final LongAdder framesWritten = new LongAdder();
    private volatile String closeReason;

    // Dispatch state, guarded by this object's monitor (see HandlerDispatch).
    final ArrayDeque<Document> pending = new ArrayDeque<>();
    long pendingBytes;
    ConnectionHandler announcedTo;

    MinaConnection(IoSession session, int shard, Supplier<Limits> limits) {
        this.session = session;
        this.shard = shard;
        this.limits = limits;
    }

    static MinaConnection of(IoSession session) {
        return (MinaConnection) session.getAttribute(SESSION_KEY);
    }

    @Override
    public long id() {
        return session.getId();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) session.getRemoteAddress();
    }

    @Override
    public String remoteIp() {
        InetSocketAddress address = remoteAddress();
        return address == null ? "unknown" : address.getAddress().getHostAddress();
    }

    @Override
    public int shard() {
        return shard;
    }

    @Override
    public boolean isTls() {
        return session.getFilterChain().contains(SslFilter.class);
    }

    @Override
    public boolean isOpen() {
        return session.isConnected() && !session.isClosing();
    }

    @Override
    public void send(Document document) {
        send(EncodedFrame.of(document));
    }

    @Override
    public void send(EncodedFrame frame) {
        if (!isOpen()) {
            return;
        }
        long queued = session.getScheduledWriteBytes();
        long bound = limits.get().maxQueuedBytes();
        if (queued + frame.size() > bound) {
            closeNow("outbound queue over " + bound + " bytes: the client is not reading");
            return;
        }
        session.write(IoBuffer.wrap(frame.buffer()));
        framesWritten.increment();
    }

    @Override
    public void close(String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
        LOG.info("Closing connection {} from {}: {}", id(), remoteIp(), reason);
        session.closeOnFlush();
    }

    /**
     * An I/O error: how clients usually leave (a reset, a broken pipe, a write racing their close),
     * so it is no warning; the connection is closed at once if it is not closed already.
     */
    void lost(java.io.IOException cause) {
        if (closeReason == null) {
            closeReason = "connection lost (" + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getMessage()) + ")";
        }
        LOG.debug("Connection {} from {} lost: {}", id(), remoteIp(), cause.toString());
        session.closeNow();
    }

    /** Closes at once, dropping what is queued (the peer is not reading, or is hostile). */
    void closeNow(String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
        LOG.warn("Disconnecting {} from {}: {}", id(), remoteIp(), reason);
        session.closeNow();
    }

    void setKeepAlive(boolean on) {
        if (session.getConfig() instanceof org.apache.mina.transport.socket.SocketSessionConfig socket) {
            socket.setKeepAlive(on);
        }
    }

    String closeReason() {
        String reason = closeReason;
        return reason != null ? reason : "connection closed by the client";
    }

    @Override
    public <T> T attribute(AttributeKey<T> key) {
        return key.cast(attributes.get(key));
    }

    @Override
    public <T> void setAttribute(AttributeKey<T> key, T value) {
        if (value == null) {
            attributes.remove(key);
        } else {
            attributes.put(key, value);
        }
    }

    @Override
    public long queuedBytes() {
        return session.getScheduledWriteBytes();
    }

    @Override
    public long bytesRead() {
        return session.getReadBytes();
    }

    @Override
    public long bytesWritten() {
        return session.getWrittenBytes();
    }

    @Override
    public long framesRead() {
        return framesRead.sum();
    }

    @Override
    public long framesWritten() {
        return framesWritten.sum();
    }

    @Override
    public String toString() {
        return "connection " + id() + " (" + remoteIp() + ")";
    }
}
