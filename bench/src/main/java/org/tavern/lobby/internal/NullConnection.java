package org.tavern.lobby.internal;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import org.tavern.transport.AttributeKey;
import org.tavern.transport.Connection;
import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;

/**
 * A connection that only counts what it is sent, so a benchmark measures the server's own work up
 * to the socket write, not the kernel's. Single-threaded, like the synchronous lobby it serves.
 */
public final class NullConnection implements Connection {

    private static long nextId;

    private final long id = ++nextId;
    private final Map<AttributeKey<?>, Object> attributes = new HashMap<>();
    long frames;
    long bytes;

    @Override
    public long id() {
        return id;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 40000 + (int) (id % 20000));
    }

    @Override
    public String remoteIp() {
        return "127.0.0.1";
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
        return true;
    }

    @Override
    public void send(Document document) {
        send(EncodedFrame.of(document));
    }

    @Override
    public void send(EncodedFrame frame) {
        frames++;
        bytes += frame.size();
    }

    @Override
    public void close(String reason) {
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T attribute(AttributeKey<T> key) {
        return (T) attributes.get(key);
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
        return bytes;
    }

    @Override
    public long framesRead() {
        return 0;
    }

    @Override
    public long framesWritten() {
        return frames;
    }
}
