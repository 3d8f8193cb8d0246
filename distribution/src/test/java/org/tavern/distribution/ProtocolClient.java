package org.tavern.distribution;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.tavern.wml.Document;
import org.tavern.wml.Node;
import org.tavern.wml.WmlException;

/**
 * A scripted wesnothd-protocol client for the differential tests. Replies are collected up to a
 * synchronisation point: a {@code /query sample} whose answer is known, so "everything the server
 * sent before this" is known without any timed wait.
 */
final class ProtocolClient implements AutoCloseable {

    static final String SYNC_REPLY = "Current sample frequency: 1";

    final String name;
    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    ProtocolClient(String name, int port) throws IOException {
        this.name = name;
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = new DataOutputStream(socket.getOutputStream());
        out.writeInt(0);
        out.flush();
        int reply = in.readInt();
        if (reply != 42) {
            throw new IOException("handshake answered " + reply);
        }
    }

    /**
     * Connects and logs in as 1.16.9 with {@code name}; returns once the welcome has been read (the
     * sync answer is its end).
     */
    static ProtocolClient loggedIn(String name, int port) throws IOException {
        return loggedIn(name, port, "1.16.9");
    }

    /** As {@link #loggedIn(String, int)}, announcing {@code version}. */
    static ProtocolClient loggedIn(String name, int port, String version) throws IOException {
        ProtocolClient client = new ProtocolClient(name, port);
        client.receive(); // [version]
        client.send("[version]\nversion=\"" + version + "\"\n[/version]\n");
        client.receive(); // [mustlogin]
        client.send("[login]\nusername=\"" + name + "\"\n[/login]\n");
        client.sync();
        return client;
    }

    void send(String wml) throws IOException {
        try {
            sendGzip(Document.parse(wml).compressedOutput());
        } catch (WmlException e) {
            throw new IllegalArgumentException("bad script WML: " + wml, e);
        }
    }

    void sendGzip(byte[] payload) throws IOException {
        out.writeInt(payload.length);
        out.write(payload);
        out.flush();
    }

    /** Documents read by {@link #barrier()} that nobody has taken yet. */
    private final java.util.ArrayDeque<Document> inbox = new java.util.ArrayDeque<>();

    /** Waits up to {@code timeout} for each later read (10 s until changed). */
    void readTimeout(java.time.Duration timeout) throws IOException {
        socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
    }

    Document receive() throws IOException {
        Document kept = inbox.poll();
        if (kept != null) {
            return kept;
        }
        return read();
    }

    /**
     * Waits until the server has handled everything sent so far (the sync query is answered after
     * it); what arrives meanwhile is kept for {@link #receive()}.
     */
    void barrier() throws IOException {
        send("[query]\ntype=\"sample\"\n[/query]\n");
        while (true) {
            Document document = read();
            Node message = document.root().child("message");
            if (message != null && SYNC_REPLY.equals(message.attr("message"))) {
                return;
            }
            inbox.add(document);
        }
    }

    /** The size of the frame read last from the socket (4-byte length included); barrier() reads count too. */
    private int lastFrameBytes;

    int lastFrameBytes() {
        return lastFrameBytes;
    }

    private Document read() throws IOException {
        byte[] payload = new byte[in.readInt()];
        in.readFully(payload);
        lastFrameBytes = payload.length + 4;
        try {
            return Document.fromGzip(payload);
        } catch (WmlException e) {
            throw new IOException("server sent invalid WML", e);
        }
    }

    /** Everything received until the answer to a sync query (which is not included). */
    List<Document> sync() throws IOException {
        send("[query]\ntype=\"sample\"\n[/query]\n");
        List<Document> received = new ArrayList<>();
        while (true) {
            Document document = receive();
            Node message = document.root().child("message");
            if (message != null && SYNC_REPLY.equals(message.attr("message"))) {
                return received;
            }
            received.add(document);
        }
    }

    /** Reads until the server closes the connection; returns what came before. */
    List<Document> untilClosed() throws IOException {
        List<Document> received = new ArrayList<>();
        try {
            while (true) {
                received.add(receive());
            }
        } catch (java.io.EOFException | java.net.SocketException closed) {
            return received;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
