package org.tavern.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.transport.Connection;
import org.tavern.wml.Document;

/** TLS as the 1.16 client asks for it: handshake word 1, reply 0, then TLS on the same socket. */
class TlsHandshakeTest {

    @TempDir
    Path temp;

    private TransportServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.deactivate();
        }
    }

    /** A self-signed certificate made by openssl, as an owner would make one. */
    private Path[] certificate() throws Exception {
        Path cert = temp.resolve("fullchain.pem");
        Path key = temp.resolve("key.pem");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out",
                cert.toString(), "-days", "2", "-subj", "/CN=localhost");
        return new Path[] {cert, key};
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "openssl finished");
        assertEquals(0, process.exitValue(), output);
    }

    private void startWithTls(Path cert, Path key, RecordingHandler handler) throws Exception {
        server = TestServers.start(Map.of("tls_enabled", true, "tls_fullchain", cert.toString(),
                "tls_private_key", key.toString()));
        server.setHandler(handler);
    }

    @Test
    void clientAskingForTlsGetsZeroAndATlsSession() throws Exception {
        Path[] pem = certificate();
        assertTrue(Files.readString(pem[1]).contains("BEGIN PRIVATE KEY"));
        RecordingHandler handler = new RecordingHandler(true);
        startWithTls(pem[0], pem[1], handler);
        exchangeOverTls(handler);
    }

    @Test
    void traditionalRsaKeysAreAcceptedToo() throws Exception {
        Path[] pem = certificate();
        Path rsa = temp.resolve("rsa.pem");
        run("openssl", "rsa", "-in", pem[1].toString(), "-traditional", "-out", rsa.toString());
        assertTrue(Files.readString(rsa).contains("BEGIN RSA PRIVATE KEY"));
        RecordingHandler handler = new RecordingHandler(true);
        startWithTls(pem[0], rsa, handler);
        exchangeOverTls(handler);
    }

    @Test
    void plainClientsAreStillServedByATlsServer() throws Exception {
        Path[] pem = certificate();
        startWithTls(pem[0], pem[1], new RecordingHandler(true));
        try (TestClient client = new TestClient(server.port())) {
            assertEquals(42, client.handshake(0));
            client.send("[plain]\n[/plain]\n");
            assertNotNull(client.receive().root().child("plain"));
        }
    }

    private void exchangeOverTls(RecordingHandler handler) throws Exception {
        try (TestClient client = new TestClient(server.port())) {
            assertEquals(0, client.handshake(1));
            SSLContext trustAll = SSLContext.getInstance("TLS");
            trustAll.init(null, new TrustManager[] {new TrustEverything()}, null);
            try (SSLSocket tls = (SSLSocket) trustAll.getSocketFactory().createSocket(client.socket, "localhost",
                    server.port(), true)) {
                tls.setUseClientMode(true);
                tls.startHandshake();
                DataOutputStream out = new DataOutputStream(tls.getOutputStream());
                DataInputStream in = new DataInputStream(tls.getInputStream());
                byte[] gzip = Document.parse("[secret]\nx=1\n[/secret]\n").compressedOutput();
                out.writeInt(gzip.length);
                out.write(gzip);
                out.flush();
                byte[] reply = new byte[in.readInt()];
                in.readFully(reply);
                assertEquals("1", Document.fromGzip(reply).root().child("secret").attr("x"));
                Connection connection = handler.nextConnected();
                assertTrue(connection.isTls());
                // a burst queues many records at once: each must still reach the client whole, in order
                int burst = 2000;
                for (int i = 0; i < burst; i++) {
                    connection.send(Document.parse("[n]\ni=" + i + "\n[/n]\n"));
                }
                for (int i = 0; i < burst; i++) {
                    byte[] frame = new byte[in.readInt()];
                    in.readFully(frame);
                    assertEquals(Integer.toString(i), Document.fromGzip(frame).root().child("n").attr("i"));
                }
            }
        }
    }

    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
