package org.tavern.lobby.internal.common;

import java.net.InetSocketAddress;
import org.tavern.transport.AttributeKey;
import org.tavern.transport.Connection;
import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;

/**
 * A connection that is already gone: a player of a handed-over lobby whose socket closed while the
 * lobby was being replaced. He is restored with it, so that he then leaves by the ordinary path (his
 * game and the lobby list are told); what is sent to it goes nowhere.
 */
public final class ClosedConnection implements Connection {

    private final long id;
    private final String ip;

    public ClosedConnection(long id, String ip) {
        this.id = id;
        this.ip = ip;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return InetSocketAddress.createUnresolved(ip, 0);
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
        return false;
    }

    @Override
    public void send(Document document) {
        // gone: nobody to send to
    }

    @Override
    public void send(EncodedFrame frame) {
        // gone: nobody to send to
    }

    @Override
    public void close(String reason) {
        // already closed
    }

    @Override
    public <T> T attribute(AttributeKey<T> key) {
        return null;
    }

    @Override
    public <T> void setAttribute(AttributeKey<T> key, T value) {
        // nothing is kept for a closed connection
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
        return 0;
    }

    @Override
    public String toString() {
        return "closed connection " + id + " (" + ip + ")";
    }
}
