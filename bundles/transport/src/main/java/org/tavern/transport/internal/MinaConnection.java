package org.tavern.transport.internal;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final NetworkEvents events;
    private final MemoryBudget budget;
    private final SlowReaders slowReaders;
    /** 1 once counted as a slow reader: a connection cut from two threads at once counts once. */
    private volatile int droppedAsSlow;
    private static final java.util.concurrent.atomic.AtomicIntegerFieldUpdater<MinaConnection> DROPPED_AS_SLOW =
            java.util.concurrent.atomic.AtomicIntegerFieldUpdater.newUpdater(MinaConnection.class, "droppedAsSlow");
    /** When the handshake completed: the pre-login deadlines count from here. */
    final long connectedAt;
    private volatile boolean loggedIn;
    /** The last moment the output queue was seen empty (the watch cuts a queue that stays full). */
    volatile long queueEmptyAt;
    /** Frames read in the current second, reset by the watch (which also resumes paused reading). */
    final AtomicInteger framesThisSecond = new AtomicInteger();
    final java.util.concurrent.atomic.AtomicLong bytesThisSecond = new java.util.concurrent.atomic.AtomicLong();
    volatile boolean readPaused;
    private final ConcurrentHashMap<AttributeKey<?>, Object> attributes = new ConcurrentHashMap<>();
    final LongAdder framesRead = new LongAdder();
    final LongAdder framesWritten = new LongAdder();
    private volatile String closeReason;

    // Dispatch state, guarded by this object's monitor (see HandlerDispatch).
    final ArrayDeque<Document> pending = new ArrayDeque<>();
    long pendingBytes;
    ConnectionHandler announcedTo;

    MinaConnection(IoSession session, int shard, Supplier<Limits> limits, MemoryBudget budget, NetworkEvents events,
            SlowReaders slowReaders) {
        this.session = session;
        this.slowReaders = slowReaders;
        this.shard = shard;
        this.limits = limits;
        this.budget = budget;
        this.events = events;
        this.connectedAt = System.currentTimeMillis();
        this.queueEmptyAt = connectedAt;
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
        long queued = queuedCost();
        if (queued == 0) {
            queueEmptyAt = System.currentTimeMillis();
        }
        Limits bounds = limits.get();
        long cost = queued + frame.size() + Limits.QUEUED_FRAME_OVERHEAD;
        if (cost > bounds.maxQueuedBytes()) {
            dropSlow(SlowReaders.Bound.QUEUED_BYTES, "output queue over its bound: the client is not reading",
                    " (" + bounds.maxQueuedBytes() + " bytes)");
            return;
        }
        if (cost > bounds.queueShareBytes() && budget.over(bounds)
                && System.currentTimeMillis() - queueEmptyAt > Limits.STALLED_QUEUE_MILLIS) {
            dropSlow(SlowReaders.Bound.MEMORY_BUDGET,
                    "output queue past its share while the server is over its memory budget",
                    " (" + cost + " bytes queued)");
            return;
        }
        session.write(IoBuffer.wrap(frame.buffer()));
        framesWritten.increment();
    }

    @Override
    public void close(String reason) {
        close(NetworkEvents.Level.INFO, reason, "");
    }

    /** Closes once what is queued has been written; logged as one of {@link NetworkEvents}. */
    void close(NetworkEvents.Level level, String cause, String detail) {
        if (closeReason == null) {
            closeReason = cause + detail;
        }
        events.closed(level, cause, toString(), detail);
        session.closeOnFlush();
    }

    @Override
    public void loggedIn() {
        loggedIn = true;
    }

    boolean isLoggedIn() {
        return loggedIn;
    }

    /** Counts a frame read; true when the connection is past its frames for this second. */
    boolean countFrameRead(int perSecond) {
        if (framesThisSecond.incrementAndGet() >= perSecond && !readPaused) {
            readPaused = true;
            return true;
        }
        return false;
    }

    /** Counts bytes read; true when the connection is past its bytes for this second. */
    boolean countBytesRead(int bytes, long perSecond) {
        if (bytesThisSecond.addAndGet(bytes) >= perSecond && !readPaused) {
            readPaused = true;
            return true;
        }
        return false;
    }

    /** What the output queue costs: its bytes plus the bookkeeping of each queued frame. */
    long queuedCost() {
        return session.getScheduledWriteBytes()
                + (long) session.getScheduledWriteMessages() * Limits.QUEUED_FRAME_OVERHEAD;
    }

    IoSession session() {
        return session;
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

    /**
     * Closes at once, dropping what is queued (the peer is not reading, or is hostile); logged as one
     * of {@link NetworkEvents}: {@code cause} without per-connection details, {@code detail} with them.
     */
    void closeNow(String cause, String detail) {
        closeNow(NetworkEvents.Level.WARN, cause, detail);
    }

    /** Cuts a client that does not read (dropping its queue) and counts it once, under the bound it passed. */
    void dropSlow(SlowReaders.Bound bound, String cause, String detail) {
        if (isOpen() && DROPPED_AS_SLOW.compareAndSet(this, 0, 1)) {
            slowReaders.count(bound);
        }
        closeNow(NetworkEvents.Level.WARN, cause, detail);
    }

    void closeNow(NetworkEvents.Level level, String cause, String detail) {
        if (closeReason == null) {
            closeReason = cause + detail;
        }
        events.closed(level, cause, toString(), detail);
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
