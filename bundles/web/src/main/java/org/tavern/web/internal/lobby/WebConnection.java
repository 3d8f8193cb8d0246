package org.tavern.web.internal.lobby;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.transport.AttributeKey;
import org.tavern.transport.Connection;
import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;

/**
 * A browser's WebSocket as the lobby sees it: a {@link Connection} like a game client's, so flood
 * control, bans, kicks, mutes, filters and listeners apply unchanged. Documents the lobby sends are
 * translated to JSON messages ({@link WmlJson}); the queue of text not yet written is bounded, and a
 * browser that stops reading is closed, as the transport does with a game client.
 */
final class WebConnection implements Connection {

    private static final Logger LOG = LoggerFactory.getLogger(WebConnection.class);

    /** Web connection ids start here, far above the transport's (MINA session ids count from 1). */
    static final long FIRST_ID = 1L << 48;
    private static final AtomicLong NEXT_ID = new AtomicLong(FIRST_ID);

    private final long id = NEXT_ID.getAndIncrement();
    private final Session session;
    private final InetSocketAddress remote;
    private final boolean secure;
    private final long maxQueuedBytes;
    private final FrameTranslations translations;
    /** Looks at each document first; true when it is handled and not for the page. */
    private final java.util.function.Predicate<Document> intercept;
    private final ConcurrentHashMap<AttributeKey<?>, Object> attributes = new ConcurrentHashMap<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final LongAdder bytesRead = new LongAdder();
    private final LongAdder bytesWritten = new LongAdder();
    private final LongAdder framesRead = new LongAdder();
    private final LongAdder framesWritten = new LongAdder();
    /** Set false by the one close that counts (a browser cut from two actors at once is counted once). */
    private final java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
    /** Browsers cut for not reading, counted for /metrics. */
    private final LongAdder slowDrops;

    WebConnection(Session session, InetSocketAddress remote, boolean secure, long maxQueuedBytes,
            FrameTranslations translations, java.util.function.Predicate<Document> intercept, LongAdder slowDrops) {
        this.intercept = intercept;
        this.slowDrops = slowDrops;
        this.session = session;
        this.remote = remote;
        this.secure = secure;
        this.maxQueuedBytes = maxQueuedBytes;
        this.translations = translations;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public String remoteIp() {
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    /** Web connections are not on a transport shard; they all count as shard -1. */
    @Override
    public int shard() {
        return -1;
    }

    @Override
    public boolean isTls() {
        return secure;
    }

    @Override
    public boolean isOpen() {
        return open.get() && session.isOpen();
    }

    @Override
    public void send(Document document) {
        if (intercept.test(document)) {
            return;
        }
        sendTexts(WmlJson.messages(document));
    }

    @Override
    public void send(EncodedFrame frame) {
        sendTexts(translations.messages(frame));
    }

    /** A message of the web bridge itself (errors, pong), in the same order as the lobby's. */
    void sendText(String text) {
        sendTexts(List.of(text));
    }

    private void sendTexts(List<String> texts) {
        if (!isOpen()) {
            return;
        }
        for (String text : texts) {
            long size = text.length();
            if (queuedBytes.addAndGet(size) > maxQueuedBytes) {
                if (closeNow(CloseReason.CloseCodes.TRY_AGAIN_LATER, "outbound queue over " + maxQueuedBytes
                        + " bytes: the browser is not reading")) {
                    slowDrops.increment();
                }
                return;
            }
            try {
                session.getAsyncRemote().sendText(text, result -> {
                    queuedBytes.addAndGet(-size);
                    if (result.isOK()) {
                        bytesWritten.add(size);
                        framesWritten.increment();
                    }
                });
            } catch (RuntimeException e) {
                queuedBytes.addAndGet(-size);
                LOG.debug("Send to web connection {} failed: {}", id, e.toString());
                closeNow(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed");
                return;
            }
        }
    }

    /**
     * Sends a last message and closes once it is written, so the browser reads why (a close right
     * after an unfinished send would cut it off).
     */
    void sendThenClose(String text, CloseReason.CloseCode code, String reason) {
        if (!isOpen()) {
            return;
        }
        try {
            session.getAsyncRemote().sendText(text, result -> closeNow(code, reason));
        } catch (RuntimeException e) {
            closeNow(code, reason);
        }
    }

    @Override
    public void close(String reason) {
        LOG.info("Closing web connection {} from {}: {}", id, remoteIp(), reason);
        closeNow(CloseReason.CloseCodes.NORMAL_CLOSURE, reason);
    }

    /**
     * Closes with a WebSocket close code and a reason the page shows (cut to the 123 bytes a close
     * frame holds); false when it was closed already.
     */
    boolean closeNow(CloseReason.CloseCode code, String reason) {
        if (!open.compareAndSet(true, false)) {
            return false;
        }
        try {
            session.close(new CloseReason(code, CloseReasons.fit(reason)));
        } catch (IOException | RuntimeException e) {
            LOG.debug("Close of web connection {} failed: {}", id, e.toString());
        }
        return true;
    }

    void received(int bytes) {
        bytesRead.add(bytes);
        framesRead.increment();
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
        return Math.max(0, queuedBytes.get());
    }

    @Override
    public long bytesRead() {
        return bytesRead.sum();
    }

    @Override
    public long bytesWritten() {
        return bytesWritten.sum();
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
        return "web connection " + id + " (" + remoteIp() + ")";
    }
}
