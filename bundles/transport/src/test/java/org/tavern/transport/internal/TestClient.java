package org.tavern.transport.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.tavern.wml.Document;
import org.tavern.wml.WmlException;

/** A blocking wesnothd-protocol client for tests: handshake, frames out, frames in. */
final class TestClient implements AutoCloseable {

    final Socket socket;
    final DataInputStream in;
    final DataOutputStream out;

    TestClient(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = new DataOutputStream(socket.getOutputStream());
    }

    /** Connects and completes the plain handshake. */
    static TestClient connect(int port) throws IOException {
        TestClient client = new TestClient(port);
        int reply = client.handshake(0);
        if (reply != 42) {
            throw new IOException("handshake replied " + reply);
        }
        return client;
    }

    int handshake(int word) throws IOException {
        out.writeInt(word);
        out.flush();
        return in.readInt();
    }

    void send(Document document) throws IOException {
        byte[] gzip = document.compressedOutput();
        out.writeInt(gzip.length);
        out.write(gzip);
        out.flush();
    }

    void send(String wml) throws IOException, WmlException {
        send(Document.parse(wml));
    }

    Document receive() throws IOException, WmlException {
        int length = in.readInt();
        byte[] payload = new byte[length];
        in.readFully(payload);
        return Document.fromGzip(payload);
    }

    /** True when the server closed the connection (EOF) within the socket timeout. */
    boolean closedByServer() throws IOException {
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
