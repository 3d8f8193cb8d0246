package org.tavern.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.zip.Deflater;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;
import org.tavern.transport.Connection;
import org.tavern.transport.EncodedFrame;
import org.tavern.transport.Transport;
import org.tavern.wml.Document;

/**
 * The transport's answers to hostile and heavy input, inside Felix with real sockets, and its
 * re-configuration through ConfigAdmin without dropping a connection.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TransportLimitsIT {

    @Inject
    Transport transport;

    @Inject
    ConfigurationAdmin configurationAdmin;

    @Inject
    org.osgi.framework.BundleContext context;

    @Configuration
    public Option[] config() {
        return TavernBundlesIT.transportOnly();
    }

    private Socket open() throws IOException {
        Socket socket = new Socket("127.0.0.1", transport.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static int handshake(Socket socket, int word) throws IOException {
        new DataOutputStream(socket.getOutputStream()).writeInt(word);
        return new DataInputStream(socket.getInputStream()).readInt();
    }

    private static boolean closedByServer(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() < 0 || socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Test
    public void handshakeReplies() throws Exception {
        try (Socket plain = open(); Socket tls = open(); Socket garbage = open()) {
            assertEquals(42, handshake(plain, 0));
            assertEquals(0xffffffff, handshake(tls, 1));
            new DataOutputStream(garbage.getOutputStream()).writeInt(0x16030100);
            assertTrue(closedByServer(garbage));
        }
    }

    @Test
    public void fiftyMegabyteLengthPrefixIsClosedAtOnce() throws Exception {
        try (Socket socket = open()) {
            assertEquals(42, handshake(socket, 0));
            new DataOutputStream(socket.getOutputStream()).writeInt(50_000_000);
            assertTrue(closedByServer(socket));
        }
    }

    @Test
    public void gzipBombGetsInvalidWmlAndIsClosed() throws Exception {
        try (Socket socket = open()) {
            assertEquals(42, handshake(socket, 0));
            byte[] bomb = gzipOfZeros(60);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(bomb.length);
            out.write(bomb);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] reply = new byte[in.readInt()];
            in.readFully(reply);
            assertEquals("Invalid WML received: WML document exceeded size limit during decompression",
                    Document.fromGzip(reply).root().child("error").attr("message"));
            assertTrue(closedByServer(socket));
        }
    }

    /** {@code megabytes} MB of zeros, gzip'd: over the 40 MB inflate limit at 60. */
    private static byte[] gzipOfZeros(int megabytes) {
        Deflater deflater = new Deflater(9, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
        byte[] chunk = new byte[1 << 20];
        byte[] buf = new byte[1 << 16];
        for (int i = 0; i < megabytes; i++) {
            deflater.setInput(chunk);
            while (!deflater.needsInput()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buf, 0, deflater.deflate(buf));
        }
        out.writeBytes(new byte[8]);
        return out.toByteArray();
    }

    @Test
    public void thousandConnectionsGetOneBroadcastEncodedOnce() throws Exception {
        setConfig("connections.per.address", 0);
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                Socket socket = open();
                sockets.add(socket);
                new DataOutputStream(socket.getOutputStream()).writeInt(0);
            }
            for (Socket socket : sockets) {
                assertEquals(42, new DataInputStream(socket.getInputStream()).readInt());
            }
            awaitConnections(1000);
            Document news = Document.create();
            news.root().addChild("message").set("message", "to all").set("sender", "server");
            long before = EncodedFrame.encodings();
            EncodedFrame frame = EncodedFrame.of(news);
            for (Connection connection : transport.connections()) {
                connection.send(frame);
            }
            assertEquals(1, EncodedFrame.encodings() - before);
            for (Socket socket : sockets) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                byte[] payload = new byte[in.readInt()];
                in.readFully(payload);
                assertEquals("to all", Document.fromGzip(payload).root().child("message").attr("message"));
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    public void configurationChangeThroughConfigAdminKeepsConnections() throws Exception {
        try (Socket socket = open()) {
            assertEquals(42, handshake(socket, 0));
            awaitConnections(1);
            int freePort;
            try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
                freePort = probe.getLocalPort();
            }
            setConfig("port", freePort);
            setConfig("max.queued.bytes", 1_000_000);
            assertEquals("listener moved", freePort, transport.port());
            try (Socket newcomer = new Socket("127.0.0.1", freePort)) {
                newcomer.setSoTimeout(10_000);
                assertEquals(42, handshake(newcomer, 0));
            }
            assertTrue("connection kept across reconfiguration",
                    transport.connections().stream().allMatch(Connection::isOpen)
                            && transport.connections().size() >= 1);
        }
    }

    private void setConfig(String key, Object value) throws Exception {
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration("tavern.transport", "?");
        Dictionary<String, Object> properties = configuration.getProperties();
        if (properties == null) {
            properties = new Hashtable<>();
        }
        properties.put(key, value);
        configuration.update(properties);
        // ConfigAdmin delivers asynchronously; DS copies the configuration into the service
        // properties when the component has taken it, which is the signal to wait for.
        long deadline = System.currentTimeMillis() + 20_000;
        while (!String.valueOf(value).equals(String.valueOf(
                context.getServiceReference(Transport.class).getProperty(key)))) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("configuration " + key + "=" + value + " not applied");
            }
            Thread.sleep(10);
        }
    }

    private void awaitConnections(int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (transport.connections().size() < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("only " + transport.connections().size() + " of " + count + " connections");
            }
            Thread.sleep(10);
        }
    }
}
