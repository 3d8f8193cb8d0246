package org.tavern.transport;

import java.net.InetSocketAddress;
import org.osgi.annotation.versioning.ProviderType;
import org.tavern.wml.Document;

/**
 * One client connection, past the wesnothd handshake. Sending never blocks: documents are queued
 * and written in order by the connection's shard; a client that does not read is disconnected once
 * its queue passes the configured bound.
 */
@ProviderType
public interface Connection {

    /** Unique for the life of the server process. */
    long id();

    InetSocketAddress remoteAddress();

    /** The peer's IP address as text ({@code 127.0.0.1}, {@code ::1}). */
    String remoteIp();

    /** The I/O thread (0 to shards-1) this connection is pinned to for its whole life. */
    int shard();

    boolean isTls();

    boolean isOpen();

    /** Sends a document; its compressed form is computed once and cached in the document. */
    void send(Document document);

    /** Sends an already encoded frame; the same frame may go to many connections. */
    void send(EncodedFrame frame);

    /** Closes after the frames already queued have been written; {@code reason} is logged. */
    void close(String reason);

    /**
     * Tells the transport that this connection has logged in: its pre-login deadlines (the
     * {@code [version]} answer, the login) stop, and it may stay silent as long as it likes.
     * Until then a connection that does not log in in time is closed.
     *
     * @since 1.2
     */
    default void loggedIn() {
    }

    <T> T attribute(AttributeKey<T> key);

    <T> void setAttribute(AttributeKey<T> key, T value);

    /** Bytes queued for writing and not yet written to the socket. */
    long queuedBytes();

    long bytesRead();

    long bytesWritten();

    long framesRead();

    long framesWritten();
}
