package org.tavern.admin.internal.console;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's server socket on 127.0.0.1, one daemon thread per connection and at most
 * {@link ConsoleLimits#maxSessions()} of them: a connection beyond that is told so and closed at once.
 * Blocking sockets are enough here: a handful of administrators, not thousands of players.
 */
final class ConsoleListener implements AutoCloseable {

    static final byte[] LOOPBACK = {127, 0, 0, 1};
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleListener.class);
    private static final long ACCEPT_RETRY_MILLIS = 200;
    private static final long CLOSE_WAIT_MILLIS = 2000;

    private final ServerSocket server;
    private final String token;
    private final ConsoleLimits limits;
    private final ConsoleShell.Factory shells;
    private final Semaphore slots;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionIds = new AtomicLong();
    private final Thread acceptor;
    private volatile boolean closed;

    private ConsoleListener(ServerSocket server, String token, ConsoleLimits limits, ConsoleShell.Factory shells) {
        this.server = server;
        this.token = token;
        this.limits = limits;
        this.shells = shells;
        this.slots = new Semaphore(limits.maxSessions());
        this.acceptor = new Thread(this::acceptLoop, "tavern-console-accept");
        acceptor.setDaemon(true);
    }

    /** Binds 127.0.0.1:{@code port} (0: a free port) and starts accepting. */
    static ConsoleListener start(int port, String token, ConsoleLimits limits, ConsoleShell.Factory shells)
            throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(InetAddress.getByAddress(LOOPBACK), port), limits.maxSessions());
        } catch (IOException e) {
            server.close();
            throw e;
        }
        ConsoleListener listener = new ConsoleListener(server, token, limits, shells);
        listener.acceptor.start();
        return listener;
    }

    int port() {
        return server.getLocalPort();
    }

    InetAddress address() {
        return server.getInetAddress();
    }

    /** Connections open now (logged in or not), for tests and logs. */
    int openConnections() {
        return open.size();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                // For instance out of file descriptors: say so, and do not spin while it lasts.
                LOG.warn("Console accept failed: {}", e.toString());
                try {
                    Thread.sleep(ACCEPT_RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    return;
                }
                continue;
            }
            admit(socket);
        }
    }

    private void admit(Socket socket) {
        long id = connectionIds.incrementAndGet();
        if (!slots.tryAcquire()) {
            LOG.warn("Console connection {} from {} refused: {} sessions already open", id,
                    socket.getRemoteSocketAddress(), limits.maxSessions());
            refuse(socket, "error: too many console sessions (at most " + limits.maxSessions() + "), try again later");
            return;
        }
        open.add(socket);
        Runnable release = () -> {
            open.remove(socket);
            slots.release();
        };
        try {
            Thread thread = new Thread(new ConsoleConnection(id, socket, token, limits, shells, release),
                    "tavern-console-" + id);
            thread.setDaemon(true);
            thread.start();
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.error("Console connection {} dropped: cannot start its thread", id, e);
            release.run();
            refuse(socket, "error: the server cannot open a console session now");
        }
        if (closed) {
            closeQuietly(socket); // raced with close(): do not leave it behind
        }
    }

    private static void refuse(Socket socket, String line) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            LOG.debug("Console refusal not delivered: {}", e.toString());
        }
    }

    /**
     * Stops accepting and closes every connection; a session blocked in a command still returns to
     * a closed socket. Waits a bounded time for the accept thread.
     */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        try {
            acceptor.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (acceptor.isAlive()) {
            LOG.warn("Console accept thread still running {} ms after close", CLOSE_WAIT_MILLIS);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("Console close: {}", e.toString());
        }
    }
}
