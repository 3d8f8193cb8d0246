package org.tavern.lobby.internal.testing;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.tavern.transport.AttributeKey;
import org.tavern.transport.Connection;
import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;
import org.tavern.wml.WmlException;

/** A connection that records what the lobby sends, decoded as the client would read it. */
public final class FakeConnection implements Connection {

    private static final AtomicLong IDS = new AtomicLong();

    final long id;
    final String ip;
    public final List<EncodedFrame> frames = new ArrayList<>();
    private final ConcurrentHashMap<AttributeKey<?>, Object> attributes = new ConcurrentHashMap<>();
    public String closedBecause;
    private int read;

    public FakeConnection(String ip) {
        this(IDS.incrementAndGet(), ip);
    }

    /** A connection of a chosen id (one named in a stored lobby snapshot). */
    public FakeConnection(long id, String ip) {
        this.id = id;
        this.ip = ip;
    }

    /** Documents sent since the last call. */
    public List<Document> take() {
        List<Document> result = new ArrayList<>();
        for (; read < frames.size(); read++) {
            result.add(decode(frames.get(read)));
        }
        return result;
    }

    /** The single document sent since the last call. */
    public Document takeOne() {
        List<Document> documents = take();
        if (documents.size() != 1) {
            throw new AssertionError("expected one document, got " + documents);
        }
        return documents.get(0);
    }

    static Document decode(EncodedFrame frame) {
        byte[] bytes = new byte[frame.size()];
        frame.buffer().get(bytes);
        try {
            return Document.fromGzip(java.util.Arrays.copyOfRange(bytes, 4, bytes.length));
        } catch (WmlException e) {
            throw new AssertionError("the lobby sent invalid WML", e);
        }
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress(ip, 40000);
    }

    @Override
    public String remoteIp() {
        return ip;
    }

    @Override
    public int shard() {
        return 0;
    }

    @Override
    public boolean isTls() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return closedBecause == null;
    }

    @Override
    public void send(Document document) {
        send(EncodedFrame.of(document));
    }

    @Override
    public void send(EncodedFrame frame) {
        if (isOpen()) {
            frames.add(frame);
        }
    }

    @Override
    public void close(String reason) {
        closedBecause = reason;
    }

    @Override
    public <T> T attribute(AttributeKey<T> key) {
        return key.cast(attributes.get(key));
    }

    @Override
    public <T> void setAttribute(AttributeKey<T> key, T value) {
        attributes.put(key, value);
    }

    @Override
    public long queuedBytes() {
        return 0;
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    public long bytesWritten() {
        return 0;
    }

    @Override
    public long framesRead() {
        return 0;
    }

    @Override
    public long framesWritten() {
        return frames.size();
    }
}
