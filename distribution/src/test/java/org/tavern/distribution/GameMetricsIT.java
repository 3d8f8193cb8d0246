package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * /metrics for game clients (the wesnothd protocol), read with Prometheus' own parser and checked
 * against load this test makes on tavern.jar: logins refused with wesnothd's codes, turns relayed in
 * a game and their bytes as the members received them, and a member that stops reading cut by the
 * transport and counted as a dropped slow client.
 */
class GameMetricsIT {

    private static final int TURNS = 5;
    /** Small, so that a member who stops reading is cut after a few hundred KB of turns. */
    private static final int MAX_QUEUED_BYTES = 400_000;
    private static final String GAME_DROPS = "tavern_slow_clients_dropped_total{bound=\"queued_bytes\",kind=\"game\"}";

    @TempDir
    Path temp;

    @Test
    void refusedLoginsRelayedTurnsAndADroppedSlowReaderAreCounted() throws Exception {
        Path home = temp.resolve("server");
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/tavern.transport.cfg"), "max.queued.bytes=" + MAX_QUEUED_BYTES
                + "\nsend.buffer.bytes=4096\n");
        int httpPort = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(home, true, "-p", "0", "--http-port",
                Integer.toString(httpPort))) {
            server.awaitStarted();
            int port = server.awaitPort();
            WebLobbyIT.awaitHealth(server, httpPort, 200);
            Map<String, Double> before = metrics(httpPort);
            assertEquals(0.0, before.get("tavern_turns_relayed_total{}"), before::toString);
            assertEquals(0.0, before.get(GAME_DROPS), before::toString);
            assertNull(before.get("tavern_logins_refused_total{code=\"101\"}"), "no refusal yet: " + before);

            try (RelayedGame game = RelayedGame.idle(port)) {
                // refused logins, each with wesnothd's code: a taken name (101) twice, an invalid one (102)
                try (ProtocolClient late = versioned("late", port)) {
                    assertEquals("101", refusal(late, "host"));
                    assertEquals("101", refusal(late, "join"));
                    assertEquals("102", refusal(late, "no spaces"));
                }
                // each refusal is counted before it is sent
                Map<String, Double> refused = metrics(httpPort);
                assertEquals(2.0, refused.get("tavern_logins_refused_total{code=\"101\"}"), refused::toString);
                assertEquals(1.0, refused.get("tavern_logins_refused_total{code=\"102\"}"), refused::toString);

                // turns relayed: what the two other members received, frame by frame
                long received = 0;
                for (int i = 1; i <= TURNS; i++) {
                    game.host.send("[turn]\n[command]\n[speak]\nmessage=\"turn " + i + "\"\n[/speak]\n[/command]\n"
                            + "[/turn]\n");
                    for (ProtocolClient member : new ProtocolClient[] {game.join, game.watcher}) {
                        Document turn = RelayedGame.awaitDocument(member, "turn");
                        assertEquals("turn " + i, turn.root().child("turn").child("command").child("speak")
                                .attr("message"));
                        received += member.lastFrameBytes();
                    }
                }
                // the game counts a turn once it has handed it to every member, which may be just after a member
                // reads it; the host's barrier is answered after the game has finished with his turns
                game.host.barrier();
                Map<String, Double> relayed = metrics(httpPort);
                assertEquals((double) TURNS, relayed.get("tavern_turns_relayed_total{}"), relayed::toString);
                assertEquals((double) received, relayed.get("tavern_relayed_bytes_total{}"), relayed::toString);

                // a member that stops reading is cut once its queue passes max.queued.bytes, and counted
                AtomicReference<String> lost = new AtomicReference<>();
                Thread joinReader = drain(game.join, lost);
                Thread watcherReader = drain(game.watcher, lost);
                try (Socket frozen = frozenObserver(port)) {
                    int bigTurns = awaitDropped(server, httpPort, game.host);
                    Map<String, Double> dropped = metrics(httpPort);
                    assertEquals(1.0, dropped.get(GAME_DROPS), dropped::toString);
                    assertEquals(0.0, dropped.get("tavern_slow_clients_dropped_total{bound=\"queue_age\",kind=\"game\"}"),
                            dropped::toString);
                    assertEquals(0.0, dropped.get("tavern_slow_clients_dropped_total{bound=\"queued_bytes\",kind=\"web\"}"),
                            dropped::toString);
                    assertEquals((double) TURNS + bigTurns, dropped.get("tavern_turns_relayed_total{}"),
                            dropped::toString);
                    assertNull(lost.get(), "the members who read were kept");
                    assertClosedByTheServer(frozen);
                } finally {
                    game.close();
                    joinReader.join(10_000);
                    watcherReader.join(10_000);
                }
            }
        }
    }

    /**
     * Sends the host's turns, each about 20 KB compressed, until /metrics counts the frozen observer
     * as dropped; returns how many were sent. Fails after 60 s.
     */
    private static int awaitDropped(ServerProcess server, int httpPort, ProtocolClient host) throws Exception {
        Random random = new Random(21);
        long end = System.nanoTime() + 60_000_000_000L;
        int sent = 0;
        while (System.nanoTime() < end) {
            StringBuilder noise = new StringBuilder();
            for (int i = 0; i < 30_000; i++) {
                noise.append((char) ('a' + random.nextInt(26)));
            }
            host.send("[turn]\n[command]\n[move]\nx=\"" + noise + "\"\n[/move]\n[/command]\n[/turn]\n");
            sent++;
            if (sent % 5 == 0) {
                // the host's turns reach the server at its read limit; the barrier waits for them
                host.barrier();
                Map<String, Double> figures = metrics(httpPort);
                if (figures.get(GAME_DROPS) >= 1) {
                    return sent;
                }
            }
        }
        throw new AssertionError("the frozen observer was not counted as dropped after " + sent + " turns\n"
                + server.consoleText());
    }

    /**
     * A client that logs in, joins game 1 as an observer, and never reads: a small receive buffer, so
     * what the server sends piles up in its queue.
     */
    private static Socket frozenObserver(int port) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeInt(0);
        for (String wml : new String[] {"[version]\nversion=\"1.16.9\"\n[/version]\n",
                "[login]\nusername=\"frozen\"\n[/login]\n", "[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n"}) {
            byte[] payload = Document.parse(wml).compressedOutput();
            out.writeInt(payload.length);
            out.write(payload);
        }
        out.flush();
        return socket;
    }

    /** The server closed the frozen client's socket: reading what reached it ends in an end of stream or a reset. */
    private static void assertClosedByTheServer(Socket frozen) throws IOException {
        frozen.setSoTimeout(10_000);
        byte[] buffer = new byte[65536];
        try {
            while (frozen.getInputStream().read(buffer) >= 0) {
                // what was sent before the cut
            }
        } catch (java.net.SocketTimeoutException stillOpen) {
            throw new AssertionError("the frozen client's socket is still open", stillOpen);
        } catch (java.net.SocketException reset) {
            // the server dropped its queue and closed at once: a reset is how that arrives
        }
    }

    /** Reads and drops everything a member receives, on a thread of its own, until its socket closes. */
    private static Thread drain(ProtocolClient member, AtomicReference<String> lost) throws IOException {
        member.readTimeout(java.time.Duration.ofMinutes(2));
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    Node root = member.receive().root();
                    if (root.child("error") != null || root.child("leave_game") != null) {
                        lost.compareAndSet(null, member.name + " was sent " + root);
                    }
                }
            } catch (IOException closedByTheTest) {
                // the test closes the sockets at its end
            }
        }, "drain " + member.name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static ProtocolClient versioned(String name, int port) throws IOException {
        ProtocolClient client = new ProtocolClient(name, port);
        client.receive(); // [version]
        client.send("[version]\nversion=\"1.16.9\"\n[/version]\n");
        assertNotNull(client.receive().root().child("mustlogin"));
        return client;
    }

    /** Tries to log in as {@code name}; returns the error code of the refusal. */
    private static String refusal(ProtocolClient client, String name) throws IOException {
        client.send("[login]\nusername=\"" + name + "\"\n[/login]\n");
        Node error = client.receive().root().child("error");
        assertNotNull(error, "refused");
        return error.attr("error_code");
    }

    /** /metrics parsed; printed (in a failure) with Tavern's own figures only, not the JVM's. */
    private static Map<String, Double> metrics(int httpPort) throws Exception {
        var response = WebLobbyIT.get(httpPort, "/metrics");
        assertEquals(200, response.statusCode());
        return new java.util.TreeMap<>(PrometheusText.parse(response.body())) {
            @Override
            public String toString() {
                StringBuilder text = new StringBuilder();
                forEach((name, value) -> {
                    if (name.startsWith("tavern_")) {
                        text.append('\n').append(name).append(" = ").append(value);
                    }
                });
                return text.toString();
            }
        };
    }
}
