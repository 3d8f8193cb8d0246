package org.tavern.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tavern.transport.Connection;
import org.tavern.transport.EncodedFrame;
import org.tavern.transport.Transport;
import org.tavern.wml.Document;

/** The memory budget, the output queue's bounds and the pre-login deadlines, over real loopback sockets. */
class TransportBoundsTest {

    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private TransportServer server;

    private RecordingHandler start(Map<String, Object> config) throws Exception {
        server = TestServers.start(config);
        RecordingHandler handler = new RecordingHandler(false);
        server.setHandler(handler);
        return handler;
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

    @Test
    void aFrameOverTheAddressShareIsRefusedBeforeItsBytesAreKept() throws Exception {
        RecordingHandler handler = start(Map.of("budget_bytes_per_address", 1_000_000));
        TestClient first = client();
        Connection firstConnection = handler.nextConnected();
        first.out.writeInt(800_000); // declared, 1000 bytes sent: reserved, not allocated
        first.out.write(new byte[1000]);
        first.out.flush();
        TransportServerTest.await(() -> server.budget().receivingBytes() == 800_000, "the first frame's reservation");
        TestClient second = client();
        handler.nextConnected();
        second.out.writeInt(800_000);
        second.out.flush();
        assertTrue(second.closedByServer(), "the second frame would pass the address's share");
        TransportServerTest.await(() -> handler.disconnects.size() == 1, "the refusal to reach the handler");
        assertTrue(handler.disconnects.get(0).contains("memory budget"), handler.disconnects.toString());
        assertTrue(firstConnection.isOpen(), "the first frame goes on");
        first.close();
        TransportServerTest.await(() -> server.budget().receivingBytes() == 0, "the half frame's reservation back");
    }

    @Test
    void aFrameOverTheServerBudgetIsRefusedAndTheBudgetIsShown() throws Exception {
        RecordingHandler handler = start(Map.of("budget_bytes", 2_000_000, "budget_bytes_per_address", 10_000_000));
        TestClient first = client();
        handler.nextConnected();
        first.out.writeInt(1_500_000);
        first.out.flush();
        TransportServerTest.await(() -> server.budget().receivingBytes() == 1_500_000, "the reservation");
        String listing = new TransportCommands(server).connections();
        assertTrue(listing.startsWith("Memory budget: 1.4 MB of 1.9 MB in flight (receiving 1.4 MB"), listing);
        TestClient second = client();
        handler.nextConnected();
        second.out.writeInt(600_000);
        second.out.flush();
        assertTrue(second.closedByServer());
        // a frame that fits is still taken
        TestClient third = client();
        handler.nextConnected();
        third.send("[ok]\n[/ok]\n");
        assertEquals("ok", handler.nextReceived().document().root().children().get(0).name());
    }

    @Test
    void aDeclaredLengthOverTheConnectionShareIsRefused() throws Exception {
        RecordingHandler handler = start(Map.of("budget_bytes_per_connection", 100_000));
        TestClient client = client();
        handler.nextConnected();
        client.out.writeInt(100_001);
        client.out.flush();
        assertTrue(client.closedByServer());
    }

    @Test
    void noVersionAnswerNoLoginAndLoggedInSilence() throws Exception {
        RecordingHandler handler = start(Map.of("version_timeout_seconds", 1, "login_timeout_seconds", 3));
        TestClient silent = client();
        Connection silentConnection = handler.nextConnected();
        TestClient answered = client();
        Connection answeredConnection = handler.nextConnected();
        answered.send("[version]\nversion=\"1.16.9\"\n[/version]\n");
        TestClient player = client();
        Connection playerConnection = handler.nextConnected();
        player.send("[login]\n[/login]\n");
        playerConnection.loggedIn();
        assertTrue(silent.closedByServer(), "no first frame within 1 s");
        assertTrue(answeredConnection.isOpen(), "a client that answered has until the login deadline");
        assertTrue(answered.closedByServer(), "not logged in within 3 s");
        assertTrue(playerConnection.isOpen(), "a logged-in client may stay silent");
        assertFalse(silentConnection.isOpen());
        TransportServerTest.await(() -> handler.disconnects.size() == 2, "both closes to reach the handler");
        String reasons = handler.disconnects.toString();
        assertTrue(reasons.contains("no [version] answer within 1 s"), reasons);
        assertTrue(reasons.contains("not logged in within 3 s"), reasons);
    }

    @Test
    void anOutputQueueThatDoesNotDrainIsCut() throws Exception {
        RecordingHandler handler = start(Map.of("max_queue_age_seconds", 2, "send_buffer_bytes", 4096));
        TestClient client = client(); // never reads
        Connection connection = handler.nextConnected();
        connection.loggedIn();
        Document big = Document.create();
        StringBuilder text = new StringBuilder();
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 20_000; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        big.root().addChild("blob").set("data", text.toString());
        EncodedFrame frame = EncodedFrame.of(big);
        for (int i = 0; i < 100; i++) { // 1.5 MB: more than the socket buffers hold, less than the bound
            connection.send(frame);
        }
        TransportServerTest.await(() -> !handler.disconnects.isEmpty(), "the stalled queue to be cut");
        assertTrue(handler.disconnects.get(0).contains("not drained for 2 s"), handler.disconnects.toString());
        assertEquals(new Transport.SlowClientDrops(0, 1, 0), server.slowClientDrops());
    }

    @Test
    void overTheBudgetAStalledQueueIsCutAndAReaderThatDrainsIsNot() throws Exception {
        RecordingHandler handler = start(Map.of("budget_bytes", 1_000_000, "queue_share_bytes", 64 * 1024,
                "send_buffer_bytes", 4096));
        TestClient frozenClient = client(); // never reads
        Connection frozen = handler.nextConnected();
        TestClient readerClient = client();
        Connection reader = handler.nextConnected();
        java.util.concurrent.atomic.AtomicInteger read = new java.util.concurrent.atomic.AtomicInteger();
        Thread reading = new Thread(() -> {
            try {
                while (true) {
                    readerClient.receive();
                    read.incrementAndGet();
                }
            } catch (Exception closed) {
                // the test ends, or the server cut the reader: the assertions below tell
            }
        });
        reading.setDaemon(true);
        reading.start();
        EncodedFrame frame = EncodedFrame.of(incompressible(20_000, 3));
        for (int i = 0; i < 120; i++) { // ~1.5 MB the frozen client will not read: the server is over budget
            frozen.send(frame);
        }
        TransportServerTest.await(() -> server.budget().queuedBytes() > 1_000_000, "the watch to count the queue");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        int burst = 0;
        while (frozen.isOpen() && System.nanoTime() < deadline) {
            for (int i = 0; i < 10; i++) { // 200 KB at once: past the reader's share until it reads them
                reader.send(frame);
            }
            burst++;
            int expected = burst * 10;
            TransportServerTest.await(() -> read.get() >= expected || !reader.isOpen(), "the reader to read a burst");
            frozen.send(frame);
        }
        assertFalse(frozen.isOpen(), "the stalled queue is cut while the server is over its budget");
        assertTrue(reader.isOpen(), "a reader that drains its queue stays: " + handler.disconnects);
        TransportServerTest.await(() -> !handler.disconnects.isEmpty(), "the cut to reach the handler");
        assertEquals(1, handler.disconnects.size(), handler.disconnects.toString());
        assertTrue(handler.disconnects.get(0).contains("over its memory budget"), handler.disconnects.toString());
        assertEquals(new Transport.SlowClientDrops(0, 0, 1), server.slowClientDrops(), "counted once, the reader not");
        frozenClient.close();
    }

    /** A document of about {@code bytes} that gzip cannot shrink. */
    private static Document incompressible(int bytes, long seed) {
        java.util.Random random = new java.util.Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < bytes; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        Document document = Document.create();
        document.root().addChild("blob").set("data", text.toString());
        return document;
    }

    @Test
    void queuedFramesCountTheirBookkeepingToo() throws Exception {
        RecordingHandler handler = start(Map.of("max_queued_bytes", 200_000, "send_buffer_bytes", 4096));
        TestClient client = client(); // never reads
        Connection connection = handler.nextConnected();
        EncodedFrame tiny = EncodedFrame.of(Document.parse("[m]\n[/m]\n"));
        int sent = 0;
        long maxQueuedBytes = 0;
        while (connection.isOpen() && sent < 100_000) {
            connection.send(tiny);
            maxQueuedBytes = Math.max(maxQueuedBytes, connection.queuedBytes());
            sent++;
        }
        assertFalse(connection.isOpen(), "tiny frames alone fill the bound");
        // the frames' own bytes are a small part of what they cost queued
        assertTrue(maxQueuedBytes < 100_000, "cut with " + maxQueuedBytes + " bytes queued after " + sent + " frames");
        Transport.BudgetStatistics budget = server.budget();
        assertEquals(200_000, budget.maxQueuedBytesPerConnection());
        assertEquals(new Transport.SlowClientDrops(1, 0, 0), server.slowClientDrops());
    }

    @Test
    void readingPausesPastTheBytesPerSecondAndResumes() throws Exception {
        RecordingHandler handler = start(Map.of("max_read_bytes_per_second", 100_000));
        TestClient client = client();
        handler.nextConnected();
        java.util.Random random = new java.util.Random(2);
        long started = System.nanoTime();
        for (int i = 0; i < 10; i++) { // 10 frames of ~50 KB that gzip cannot shrink: 500 KB
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < 50_000; c++) {
                text.append((char) ('!' + random.nextInt(90)));
            }
            Document document = Document.create();
            document.root().addChild("blob").set("n", i).set("data", text.toString().replace("\"", "'"));
            client.send(document);
        }
        for (int i = 0; i < 10; i++) {
            assertEquals(String.valueOf(i), handler.nextReceived().document().root().child("blob").attr("n"));
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        // at most 100 KB and one read buffer (64 KB) a second: 500 KB cannot take less than 2 s
        assertTrue(seconds >= 2, "500 KB read in " + seconds + " s");
    }
}
