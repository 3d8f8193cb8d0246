package org.tavern.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tavern.transport.Connection;
import org.tavern.transport.EncodedFrame;
import org.tavern.transport.Transport;
import org.tavern.wml.Document;

/** The transport over real sockets on loopback, outside OSGi. */
class TransportServerTest {

    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private TransportServer server;

    private TransportServer start(Map<String, Object> config, RecordingHandler handler) throws Exception {
        server = TestServers.start(config);
        if (handler != null) {
            server.setHandler(handler);
        }
        return server;
    }

    private TestClient client() throws Exception {
        TestClient client = TestClient.connect(server.port());
        cleanup.add(client);
        return client;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : cleanup) {
            c.close();
        }
        if (server != null) {
            server.deactivate();
        }
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void plainHandshakeThenDocumentsBothWays() throws Exception {
        RecordingHandler handler = new RecordingHandler(true);
        start(Map.of(), handler);
        TestClient client = client();
        Connection connection = handler.nextConnected();
        client.send("[version]\n\tversion=\"1.16.9\"\n[/version]\n");
        RecordingHandler.Received received = handler.nextReceived();
        assertEquals("1.16.9", received.document().root().child("version").attr("version"));
        assertEquals(connection, received.connection());
        assertEquals("1.16.9", client.receive().root().child("version").attr("version"));
        assertFalse(connection.isTls());
    }

    @Test
    void tlsRequestWithoutTlsGetsAllOnesAndContinuesPlain() throws Exception {
        RecordingHandler handler = new RecordingHandler(true);
        start(Map.of(), handler);
        TestClient client = new TestClient(server.port());
        cleanup.add(client);
        assertEquals(0xffffffff, client.handshake(1));
        client.send("[ping]\n[/ping]\n");
        assertTrue(client.receive().root().child("ping") != null);
    }

    @Test
    void anyOtherHandshakeWordClosesTheConnection() throws Exception {
        start(Map.of(), new RecordingHandler(false));
        TestClient client = new TestClient(server.port());
        cleanup.add(client);
        client.out.writeInt(0x47455420); // "GET "
        client.out.flush();
        assertTrue(client.closedByServer());
    }

    @Test
    void silentClientIsClosedAfterTheHandshakeTimeout() throws Exception {
        start(Map.of("handshake_timeout_seconds", 1), new RecordingHandler(false));
        TestClient client = new TestClient(server.port());
        cleanup.add(client);
        assertTrue(client.closedByServer(), "closed within the 10 s socket timeout");
    }

    @Test
    void zeroLengthFrameClosesWithoutReply() throws Exception {
        start(Map.of(), new RecordingHandler(false));
        TestClient client = client();
        client.out.writeInt(0);
        client.out.flush();
        assertTrue(client.closedByServer());
    }

    @Test
    void oversizedLengthPrefixClosesWithoutBuffering() throws Exception {
        RecordingHandler handler = new RecordingHandler(false);
        start(Map.of(), handler);
        TestClient client = client();
        Connection connection = handler.nextConnected();
        client.out.writeInt(50_000_000);
        client.out.write(new byte[1000]);
        client.out.flush();
        assertTrue(client.closedByServer());
        await(() -> !handler.disconnects.isEmpty(), "the handler to hear of the disconnect");
        assertTrue(handler.disconnects.get(0).contains("over the limit"), handler.disconnects.toString());
    }

    @Test
    void invalidGzipGetsWesnothdsErrorThenClose() throws Exception {
        start(Map.of(), new RecordingHandler(false));
        TestClient client = client();
        byte[] text = "[message]\nmessage=hi\n[/message]\n".getBytes();
        client.out.writeInt(text.length);
        client.out.write(text);
        client.out.flush();
        Document error = client.receive();
        assertEquals("Invalid WML received: failed to uncompress", error.root().child("error").attr("message"));
        assertTrue(client.closedByServer());
    }

    @Test
    void gzipBombIsRefusedWithAnError() throws Exception {
        start(Map.of("max_inflated_bytes", 1_000_000), new RecordingHandler(false));
        TestClient client = client();
        byte[] bomb = gzipOfZeros(50_000_000);
        client.out.writeInt(bomb.length);
        client.out.write(bomb);
        client.out.flush();
        assertEquals("Invalid WML received: WML document exceeded size limit during decompression",
                client.receive().root().child("error").attr("message"));
        assertTrue(client.closedByServer());
    }

    static byte[] gzipOfZeros(int size) {
        Deflater deflater = new Deflater(9, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
        byte[] chunk = new byte[1 << 20];
        byte[] buf = new byte[1 << 16];
        for (int written = 0; written < size; written += chunk.length) {
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
    void framesSplitAcrossWritesAndMergedInOneWriteArriveWholeAndInOrder() throws Exception {
        RecordingHandler handler = new RecordingHandler(false);
        start(Map.of(), handler);
        TestClient client = client();
        byte[] first = frame(Document.parse("[a]\nn=1\n[/a]\n"));
        byte[] second = frame(Document.parse("[a]\nn=2\n[/a]\n"));
        byte[] third = frame(Document.parse("[a]\nn=3\n[/a]\n"));
        client.out.write(first, 0, 2);
        client.out.flush();
        client.out.write(first, 2, 5);
        client.out.flush();
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        rest.write(first, 7, first.length - 7);
        rest.writeBytes(second);
        rest.writeBytes(third);
        client.out.write(rest.toByteArray());
        client.out.flush();
        for (int n = 1; n <= 3; n++) {
            assertEquals(Integer.toString(n), handler.nextReceived().document().root().child("a").attr("n"));
        }
    }

    @Test
    void aBurstToOneConnectionArrivesWholeAndInOrder() throws Exception {
        RecordingHandler handler = new RecordingHandler(false);
        start(Map.of(), handler);
        TestClient client = client();
        Connection connection = handler.nextConnected();
        // Small frames queued faster than the socket takes them leave in merged writes; a big one
        // now and then is written on its own, between them.
        Document big = Document.create();
        big.root().addChild("big").set("data", "x".repeat(200_000) + new java.util.Random(7).nextLong());
        int frames = 5000;
        long bytes = 0;
        for (int i = 0; i < frames; i++) {
            EncodedFrame frame = i % 1000 == 999 ? EncodedFrame.of(big)
                    : EncodedFrame.of(Document.parse("[n]\ni=" + i + "\n[/n]\n"));
            connection.send(frame);
            bytes += frame.size();
        }
        for (int i = 0; i < frames; i++) {
            Document received = client.receive();
            if (i % 1000 == 999) {
                assertEquals(big.root().child("big").attr("data"), received.root().child("big").attr("data"));
            } else {
                assertEquals(Integer.toString(i), received.root().child("n").attr("i"));
            }
        }
        long expectedBytes = bytes + 4; // and the handshake reply
        await(() -> connection.bytesWritten() == expectedBytes, "every byte counted as written");
        assertEquals(0, connection.queuedBytes());
    }

    static byte[] frame(Document document) {
        byte[] frame = new byte[EncodedFrame.of(document).size()];
        EncodedFrame.of(document).buffer().get(frame);
        return frame;
    }

    @Test
    void slowReaderIsDisconnectedInsteadOfGrowingTheHeap() throws Exception {
        RecordingHandler handler = new RecordingHandler(false);
        start(Map.of("max_queued_bytes", 1_000_000), handler);
        TestClient client = client(); // never reads
        Connection connection = handler.nextConnected();
        Document big = Document.create();
        StringBuilder text = new StringBuilder();
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 20_000; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        big.root().addChild("blob").set("data", text.toString());
        EncodedFrame frame = EncodedFrame.of(big);
        long maxQueued = 0;
        for (int i = 0; i < 10_000 && connection.isOpen(); i++) {
            connection.send(frame);
            maxQueued = Math.max(maxQueued, connection.queuedBytes());
        }
        await(() -> !handler.disconnects.isEmpty(), "the slow reader to be disconnected");
        assertTrue(maxQueued <= 1_000_000, "queue stayed within its bound: " + maxQueued);
        assertTrue(handler.disconnects.get(0).contains("not reading"), handler.disconnects.toString());
        // counted once, under the bound it passed, however many sends found it over
        assertEquals(new Transport.SlowClientDrops(1, 0, 0), server.slowClientDrops());
    }

    @Test
    void aClientResettingWhileFramesAreSentHasLeftNotFailed() throws Exception {
        RecordingHandler handler = new RecordingHandler(false);
        start(Map.of(), handler);
        TestClient client = client();
        Connection connection = handler.nextConnected();
        Document chat = Document.create();
        chat.root().addChild("message").set("message", "x".repeat(2000));
        EncodedFrame frame = EncodedFrame.of(chat);
        for (int i = 0; i < 50; i++) {
            connection.send(frame);
        }
        client.socket.setSoLinger(true, 0); // close with a reset, unread frames in its buffer
        client.socket.close();
        for (int i = 0; i < 100_000 && connection.isOpen(); i++) {
            connection.send(frame); // writes racing the reset: broken pipe, reset, write to a closed session
        }
        await(() -> !handler.disconnects.isEmpty(), "the handler to hear the client left");
        String reason = handler.disconnects.get(0);
        assertTrue(reason.endsWith("connection closed by the client") || reason.contains("connection lost ("),
                "a client leaving is no error: " + reason);
    }

    @Test
    void connectionsPerIpAreLimited() throws Exception {
        RecordingHandler handler = new RecordingHandler(false);
        start(Map.of("connections_per_address", 2), handler);
        client();
        client();
        TestClient third = client();
        assertEquals("Too many connections from your IP.", third.receive().root().child("error").attr("message"));
        assertTrue(third.closedByServer());
        assertEquals(2, handler.connected.size(), "the refused connection never reached the handler");
    }

    @Test
    void handlerCanGoAndComeBackWithoutLosingOrReorderingFrames() throws Exception {
        RecordingHandler first = new RecordingHandler(false);
        start(Map.of(), first);
        List<TestClient> clients = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clients.add(client());
        }
        await(() -> first.connected.size() == 5, "five connections");
        int perClient = 200;
        Thread sender = new Thread(() -> {
            try {
                for (int n = 0; n < perClient; n++) {
                    for (TestClient c : clients) {
                        c.send("[seq]\nn=" + n + "\n[/seq]\n");
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        sender.start();
        await(() -> first.received.size() > 50, "some frames through the first handler");
        assertTrue(server.lastHandlerGap().isEmpty(), "no gap before a handler went");
        long before = System.nanoTime();
        server.unsetHandler(first);
        RecordingHandler second = new RecordingHandler(false);
        await(() -> first.received.size() + 50 < 5 * perClient, "frames still arriving");
        server.setHandler(second);
        long held = System.nanoTime() - before;
        assertTrue(server.lastHandlerGap().orElseThrow().toNanos() <= held, "the gap lies within unset to set: "
                + server.lastHandlerGap() + " of " + held + " ns");
        sender.join(30_000);
        await(() -> first.received.size() + second.received.size() == 5 * perClient, "every frame delivered");

        Map<Long, Integer> next = new HashMap<>();
        for (RecordingHandler.Received r : first.received) {
            checkOrder(next, r);
        }
        for (RecordingHandler.Received r : second.received) {
            checkOrder(next, r);
        }
        assertEquals(5, second.connected.size(), "the new handler was told about every open connection");
        assertTrue(first.disconnects.isEmpty() && second.disconnects.isEmpty(), "nobody was disconnected");
        for (Connection c : server.connections()) {
            assertTrue(c.isOpen());
        }
    }

    @Test
    void aConnectionThatEndsWhileNoHandlerIsBoundIsReportedToTheNextOne() throws Exception {
        RecordingHandler first = new RecordingHandler(false);
        start(Map.of(), first);
        TestClient leaving = client();
        Connection connection = first.nextConnected();
        TestClient staying = client();
        first.nextConnected();
        // the handler the connection was announced to goes (the lobby being replaced) ...
        server.unsetHandler(first);
        leaving.close();
        await(() -> !connection.isOpen(), "the connection closed");
        RecordingHandler second = new RecordingHandler(false);
        // ... and the next one, which may have taken over what the first knew of it, hears that it ended
        server.setHandler(second);
        assertEquals(1, second.disconnects.size(), "told once: " + second.disconnects);
        assertTrue(second.disconnects.get(0).startsWith(connection.id() + ": "));
        assertEquals(List.of(), first.disconnects, "not the handler that was gone");
        assertEquals(1, second.connected.size(), "the open one announced");
        staying.close();
        await(() -> second.disconnects.size() == 2, "the open one's end told as usual");
    }

    private static void checkOrder(Map<Long, Integer> next, RecordingHandler.Received r) {
        int expected = next.getOrDefault(r.connection().id(), 0);
        assertEquals(expected, r.document().root().child("seq").toInt("n", -1), "order on " + r.connection());
        next.put(r.connection().id(), expected + 1);
    }

    @Test
    void thousandConnectionsAcrossShardsAndOneEncodePerBroadcast() throws Exception {
        RecordingHandler handler = new RecordingHandler(false);
        start(Map.of("connections_per_address", 0, "shards", 4), handler);
        List<TestClient> clients = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            clients.add(client());
        }
        await(() -> server.connections().size() == 1000, "1000 connections");
        for (Transport.ShardStatistics shard : server.shards()) {
            assertEquals(250, shard.connections(), "connections spread over the shards: " + server.shards());
        }
        Document announcement = Document.create();
        announcement.root().addChild("message").set("message", "hello everyone").set("sender", "server");
        long before = EncodedFrame.encodings();
        EncodedFrame frame = EncodedFrame.of(announcement);
        for (Connection c : server.connections()) {
            c.send(frame);
        }
        assertEquals(1, EncodedFrame.encodings() - before, "encoded once for 1000 recipients");
        for (TestClient c : clients) {
            assertEquals("hello everyone", c.receive().root().child("message").attr("message"));
        }
    }

    @Test
    void listensOnIpv6LoopbackToo() throws Exception {
        start(Map.of(), new RecordingHandler(false));
        try (java.net.Socket socket = new java.net.Socket("::1", server.port())) {
            socket.setSoTimeout(10_000);
            new java.io.DataOutputStream(socket.getOutputStream()).writeInt(0);
            assertEquals(42, new java.io.DataInputStream(socket.getInputStream()).readInt());
        }
    }

    @Test
    void gogoCommandsListConnectionsAndShards() throws Exception {
        RecordingHandler handler = new RecordingHandler(true);
        start(Map.of("shards", 2), handler);
        TransportCommands commands = new TransportCommands(server);
        assertTrue(commands.connections().lines().skip(1).findFirst().orElseThrow()
                .startsWith("No connections (listening on port " + server.port()), commands.connections());
        TestClient client = client();
        Connection connection = handler.nextConnected();
        client.send("[x]\n[/x]\n");
        client.receive();
        String listing = commands.connections();
        assertTrue(listing.contains(" " + connection.id() + "  /127.0.0.1:"), listing);
        assertTrue(listing.endsWith("1 connections"), listing);
        String shards = commands.shards();
        assertEquals(3, shards.lines().count(), shards);
        assertTrue(shards.lines().skip(1 + connection.shard()).findFirst().orElseThrow()
                .matches("\\s+" + connection.shard() + "\\s+1\\s+1\\s+1\\s+.*"), shards);
        assertTrue(commands.connections("-h").startsWith("usage: tavern:connections"));
        assertTrue(commands.shards("-h").startsWith("usage: tavern:shards"));
    }

    @Test
    void reconfiguringPortAndShardsKeepsOpenConnections() throws Exception {
        RecordingHandler handler = new RecordingHandler(true);
        start(Map.of("shards", 2), handler);
        int oldPort = server.port();
        TestClient client = client();
        handler.nextConnected();

        server.modified(TestServers.config(Map.of("shards", 3, "port", 0, "max_queued_bytes", 2_000_000)), Map.of());
        assertEquals(3, server.shards().size());
        client.send("[still]\n[/still]\n");
        assertTrue(client.receive().root().child("still") != null, "old connection still served");
        TestClient newcomer = client();
        newcomer.send("[new]\n[/new]\n");
        assertTrue(newcomer.receive().root().child("new") != null);
        assertTrue(handler.disconnects.isEmpty(), handler.disconnects.toString());
        assertTrue(oldPort > 0);
    }
}
