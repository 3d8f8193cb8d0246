package org.tavern.loadgen;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * One simulated player: a non-blocking socket on an {@link EventLoop} that does the handshake and
 * the login as a 1.16.9 client does ({@code [version]} → {@code [version]}, {@code [mustlogin]} →
 * {@code [login]}), and then hands every document to its {@link Handler}. Only its loop's thread
 * touches it; {@link #send} from elsewhere is handed over.
 */
final class Client {

    /** What a scenario does with a client's events; called on the client's loop thread. */
    interface Handler {
        /** The full lobby document arrived: the login is complete. */
        void loggedIn(Client client, byte[] gamelist, long nanos);

        void document(Client client, byte[] payload, long nanos);
    }

    static final int MAX_FRAME_BYTES = 40_000_000;
    private static final byte[] VERSION = Wire.frame("[version]\n\tversion=\"1.16.9\"\n[/version]\n");
    private static final int PEEK_BYTES = 48;

    final String name;
    final EventLoop loop;
    private final Handler handler;
    private final Verdict verdict;
    private final FrameReader reader = new FrameReader(MAX_FRAME_BYTES);
    private final ArrayDeque<ByteBuffer> outbound = new ArrayDeque<>();
    private SocketChannel channel;
    private SelectionKey key;
    private boolean loggedIn;
    private boolean closing;
    /** When the connect began ({@link System#nanoTime()}): the start of the login's latency. */
    long connectNanos;
    /** Free for the scenario (its per-client state); touched on the loop thread only. */
    Object state;

    Client(String name, EventLoop loop, Handler handler, Verdict verdict) {
        this.name = name;
        this.loop = loop;
        this.handler = handler;
        this.verdict = verdict;
    }

    /** Connects and logs in; call on any thread. */
    void start(InetSocketAddress server) {
        loop.execute(() -> open(server));
    }

    private void open(InetSocketAddress server) {
        try {
            connectNanos = System.nanoTime();
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean connected = channel.connect(server);
            key = channel.register(loop.selector(), connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
            if (connected) {
                connected();
            }
        } catch (IOException e) {
            fail("cannot connect to " + server + ": " + e.getMessage());
        }
    }

    boolean isLoggedIn() {
        return loggedIn;
    }

    /** Queues a whole frame (length prefix included) and writes what the socket takes now. */
    void send(byte[] frame) {
        if (!loop.inLoop()) {
            loop.execute(() -> send(frame));
            return;
        }
        if (closing || channel == null) {
            return;
        }
        outbound.add(ByteBuffer.wrap(frame));
        flush();
    }

    /** Closes on purpose: no error is reported for it. */
    void close() {
        if (!loop.inLoop()) {
            loop.execute(this::close);
            return;
        }
        closing = true;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to do with it
            }
        }
    }

    void ready(SelectionKey ready) {
        if (!ready.isValid()) {
            return;
        }
        try {
            if (ready.isConnectable()) {
                channel.finishConnect();
                key.interestOps(SelectionKey.OP_READ);
                connected();
            }
            if (ready.isValid() && ready.isReadable()) {
                readAvailable();
            }
            if (ready.isValid() && ready.isWritable()) {
                flush();
            }
        } catch (IOException e) {
            fail(e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (FrameReader.ProtocolException e) {
            fail(e.getMessage());
        }
    }

    private void connected() {
        send(Wire.HANDSHAKE.clone());
    }

    private void readAvailable() throws IOException, FrameReader.ProtocolException {
        ByteBuffer buffer = loop.readBuffer;
        for (int round = 0; round < 16 && !closing; round++) {
            buffer.clear();
            int n = channel.read(buffer);
            if (n < 0) {
                fail("server closed the connection");
                return;
            }
            if (n == 0) {
                return;
            }
            buffer.flip();
            reader.feed(buffer, number -> { }, this::frame);
        }
    }

    private void frame(byte[] payload) {
        long now = System.nanoTime();
        if (closing) {
            return;
        }
        if (loggedIn) {
            handler.document(this, payload, now);
            return;
        }
        String head = Wire.peek(payload, PEEK_BYTES);
        switch (Wire.firstTag(head)) {
            case "version" -> send(VERSION);
            case "mustlogin" -> send(Wire.frame("[login]\n\tusername=\"" + name + "\"\n[/login]\n"));
            case "gamelist" -> {
                loggedIn = true;
                handler.loggedIn(this, payload, now);
            }
            case "error" -> fail("login refused: " + errorText(payload));
            default -> {
                // [join_lobby] and anything a server adds before the lobby list
            }
        }
    }

    private String errorText(byte[] payload) {
        try {
            return loop.cache.parse(payload).root().child("error").text("message");
        } catch (Exception e) {
            return Wire.peek(payload, 200);
        }
    }

    private void flush() {
        try {
            while (!outbound.isEmpty()) {
                ByteBuffer head = outbound.peek();
                channel.write(head);
                if (head.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    return;
                }
                outbound.poll();
            }
            if (key != null && key.isValid() && (key.interestOps() & SelectionKey.OP_WRITE) != 0) {
                key.interestOps(SelectionKey.OP_READ);
            }
        } catch (IOException e) {
            fail("write failed: " + e.getMessage());
        }
    }

    /** Reports a protocol error for this client and closes it. */
    void fail(String why) {
        if (closing) {
            return;
        }
        verdict.protocolError(name + ": " + why);
        close();
    }
}
