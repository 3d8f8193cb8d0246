package org.tavern.transport.internal;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.ssl.SslFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * wesnothd's connection handshake, the first filter of every session: the client sends a 4-byte
 * big-endian word. {@code 0}: reply 42 and talk plain. {@code 1} (asks for TLS): with TLS configured
 * reply 0 and start TLS on the same socket, otherwise reply {@code FFFFFFFF} and continue plain.
 * Anything else closes the connection; silence beyond the handshake timeout is the
 * {@link ConnectionWatch}'s to close. Afterwards the filter passes everything through untouched.
 */
final class HandshakeFilter extends IoFilterAdapter {

    static final String NAME = "handshake";
    static final int PLAIN = 0;
    static final int TLS = 1;
    static final byte[] REPLY_PLAIN = {0, 0, 0, 42};
    static final byte[] REPLY_TLS_OK = {0, 0, 0, 0};
    static final byte[] REPLY_TLS_UNAVAILABLE = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};

    private static final Logger LOG = LoggerFactory.getLogger(HandshakeFilter.class);
    private static final AttributeKey STATE = new AttributeKey(HandshakeFilter.class, "state");

    private final NetworkEvents events;
    private final Supplier<SSLContext> tls;
    private final Consumer<IoSession> completed;

    /** The bytes of the handshake word seen so far (it may arrive split). */
    private static final class State {
        int word;
        int bytes;
        boolean done;
    }

    HandshakeFilter(NetworkEvents events, Supplier<SSLContext> tls, Consumer<IoSession> completed) {
        this.events = events;
        this.tls = tls;
        this.completed = completed;
    }

    @Override
    public void sessionOpened(NextFilter next, IoSession session) throws Exception {
        session.setAttribute(STATE, new State());
        next.sessionOpened(session);
    }

    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) throws Exception {
        State state = (State) session.getAttribute(STATE);
        if (state == null || state.done || !(message instanceof IoBuffer in)) {
            next.messageReceived(session, message);
            return;
        }
        while (state.bytes < 4 && in.hasRemaining()) {
            state.word = state.word << 8 | (in.get() & 0xff);
            state.bytes++;
        }
        if (state.bytes < 4) {
            return;
        }
        state.done = true;
        if (state.word == PLAIN) {
            session.write(IoBuffer.wrap(REPLY_PLAIN));
        } else if (state.word == TLS) {
            SSLContext context = tls.get();
            if (context == null) {
                LOG.debug("TLS requested by {} but not enabled; continuing in plain", session.getRemoteAddress());
                session.write(IoBuffer.wrap(REPLY_TLS_UNAVAILABLE));
            } else {
                // The reply is queued in plain before the TLS filter joins the chain.
                session.write(IoBuffer.wrap(REPLY_TLS_OK));
                session.getFilterChain().addAfter(NAME, "tls", new SslFilter(context));
            }
        } else {
            events.closed(NetworkEvents.Level.INFO, "incorrect handshake", "session " + session.getId() + " ("
                    + session.getRemoteAddress() + ")", " " + Integer.toHexString(state.word));
            in.position(in.limit());
            session.closeNow();
            return;
        }
        completed.accept(session);
        if (in.hasRemaining()) {
            // The client may send its first frame (or TLS hello) in the same packet.
            next.messageReceived(session, in);
        }
    }
}
