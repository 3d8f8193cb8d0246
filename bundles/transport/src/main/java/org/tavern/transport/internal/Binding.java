package org.tavern.transport.internal;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;

/** Binding the listener, with a failure an owner can act on. */
final class Binding {

    private Binding() {
    }

    /**
     * Binds, or fails this activation with one line an owner can act on ("cannot listen on port 15000:
     * Address already in use"): the start-up report turns it into the process's exit. MINA wraps the
     * socket's exception; its innermost message is the one that says why.
     */
    static void bindOrExplain(NioSocketAcceptor acceptor, InetSocketAddress address) throws IOException {
        try {
            acceptor.bind(address);
        } catch (IOException | RuntimeException e) {
            acceptor.dispose(false);
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            String where = address.getAddress().isAnyLocalAddress() ? "port " + address.getPort()
                    : address.getAddress().getHostAddress() + " port " + address.getPort();
            BindException failure = new BindException("cannot listen on " + where + ": "
                    + (cause.getMessage() != null ? cause.getMessage() : cause.toString()));
            failure.initCause(e);
            throw failure;
        }
    }
}
