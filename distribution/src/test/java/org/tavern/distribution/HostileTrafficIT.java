package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cheap cases of the hostile-traffic suite (tools/attack/attack.py runs them all, at full size,
 * for docs/performance.md) against tavern.jar as a process, with two canary users chatting between
 * cases and a fresh login after each: frames over the memory budget refused before they are kept,
 * the pre-login deadlines (shortened here to seconds), a gzip bomb, and connect/close cycles that
 * must not write a log line each.
 */
class HostileTrafficIT {

    @TempDir
    Path temp;

    private ServerProcess server;
    private int port;
    private ProtocolClient canaryA;
    private ProtocolClient canaryB;
    private int round;

    @Test
    void boundedUnderAttackAndTheCanaryChatsThrough() throws Exception {
        Path home = temp.resolve("server");
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/tavern.transport.cfg"),
                "handshake.timeout.seconds=2\nversion.timeout.seconds=2\nlogin.timeout.seconds=4\n");
        // chat as often as the checks need; as many players from 127.0.0.1 as the cases log in
        Files.writeString(home.resolve("etc/tavern.lobby.cfg"), "max.messages=1000\nconnections.allowed=0\n");
        try (ServerProcess started = ServerProcess.start(home, false, "-p", "0")) {
            server = started;
            server.awaitStarted();
            port = server.awaitPort();
            server.awaitConsole(t -> t.contains("applied from tavern.transport"), Duration.ofSeconds(30),
                    "the transport configuration");
            canaryA = ProtocolClient.loggedIn("canaryA", port);
            canaryB = ProtocolClient.loggedIn("canaryB", port);
            try {
                bigFramesFromOneAddressAreRefusedPastItsShare();
                canaryStillChats();
                silentAndSlowPeersAreClosedAtTheirDeadlines();
                canaryStillChats();
                gzipBombIsRefusedWhileInflating();
                canaryStillChats();
                connectCloseCyclesWriteNoLineEach();
                canaryStillChats();
            } finally {
                canaryA.close();
                canaryB.close();
            }
        }
    }

    private void canaryStillChats() throws Exception {
        String text = "canary " + ++round;
        assertEquals(text, LobbyChat.say(canaryA, canaryB, text), "the canary's chat after case " + round);
        long started = System.nanoTime();
        try (ProtocolClient fresh = ProtocolClient.loggedIn("fresh" + round, port)) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < 2000, "fresh login after case " + round + " took " + millis + " ms");
        }
    }

    private void bigFramesFromOneAddressAreRefusedPastItsShare() throws Exception {
        List<Peer> peers = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Peer peer = Peer.loggedIn(port, "127.0.0.1", "big" + i); // logged in: no deadline applies
                peers.add(peer);
                peer.out.writeInt(40_000_000); // declared; 48 MB per address hold one such frame, not two
                peer.out.flush();
            }
            int refused = 0;
            for (Peer peer : peers) {
                if (peer.closedWithin(Duration.ofSeconds(5))) {
                    refused++;
                }
            }
            assertEquals(3, refused, "all but the first frame refused by the per-address share");
            server.awaitConsole(t -> t.contains("frame refused by the memory budget"), Duration.ofSeconds(10),
                    "the refusal in the log");
        } finally {
            for (Peer peer : peers) {
                peer.close();
            }
        }
    }

    private void silentAndSlowPeersAreClosedAtTheirDeadlines() throws Exception {
        List<Peer> peers = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                String source = "127.0.1." + (1 + i / 10);
                Peer peer = i < 10 ? Peer.connect(port, source) : Peer.afterHandshake(port, source);
                if (i >= 20) {
                    peer.readFrame(); // [version]
                    peer.sendWml("[version]\nversion=\"1.16.9\"\n[/version]\n");
                    peer.readFrame(); // [mustlogin], then silence
                }
                peers.add(peer);
            }
            long started = System.nanoTime();
            for (Peer peer : peers) {
                assertTrue(peer.closedWithin(Duration.ofSeconds(15)), "a silent peer was closed");
            }
            long seconds = (System.nanoTime() - started) / 1_000_000_000;
            assertTrue(seconds < 12, "closed within the deadlines (2 s, 2 s, 4 s) and a tick, took " + seconds + " s");
            String console = server.awaitConsole(t -> t.contains("not logged in within 4 s"), Duration.ofSeconds(10),
                    "the login deadline in the log");
            assertTrue(console.contains("no handshake within 2 s"), console);
            assertTrue(console.contains("no [version] answer within 2 s"), console);
        } finally {
            for (Peer peer : peers) {
                peer.close();
            }
        }
    }

    private void gzipBombIsRefusedWhileInflating() throws Exception {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 100; i++) { // 100 MB of zeros, some 100 KB of gzip
                gzip.write(zeros);
            }
        }
        try (Peer peer = Peer.afterHandshake(port, "127.0.0.1")) {
            peer.readFrame();
            byte[] bomb = packed.toByteArray();
            peer.out.writeInt(bomb.length);
            peer.out.write(bomb);
            peer.out.flush();
            assertTrue(peer.closedWithin(Duration.ofSeconds(10)), "the bomb's connection closed");
        }
    }

    private void connectCloseCyclesWriteNoLineEach() throws Exception {
        long before = server.consoleText().lines().count();
        for (int i = 0; i < 2000; i++) {
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress("127.0.2." + (1 + i % 200), 0));
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                if (i % 2 == 1) {
                    socket.setSoLinger(true, 0); // close with a reset
                }
            }
        }
        // the canary's chat next proves the server handled them; the lines they wrote are counted after it
        canaryStillChats();
        long lines = server.consoleText().lines().count() - before;
        assertTrue(lines < 20, "2000 connect/close cycles wrote " + lines + " lines:\n" + server.consoleText());
    }

    /** A raw socket for the cases that misbehave on purpose. */
    private static final class Peer implements AutoCloseable {
        final Socket socket = new Socket();
        final DataInputStream in;
        final DataOutputStream out;

        private Peer(int port, String source) throws IOException {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            in = new DataInputStream(socket.getInputStream());
            out = new DataOutputStream(socket.getOutputStream());
        }

        static Peer connect(int port, String source) throws IOException {
            return new Peer(port, source);
        }

        static Peer afterHandshake(int port, String source) throws IOException {
            Peer peer = new Peer(port, source);
            peer.out.writeInt(0);
            peer.out.flush();
            if (peer.in.readInt() != 42) {
                throw new IOException("handshake refused");
            }
            return peer;
        }

        static Peer loggedIn(int port, String source, String name) throws IOException {
            Peer peer = afterHandshake(port, source);
            peer.readFrame(); // [version]
            peer.sendWml("[version]\nversion=\"1.16.9\"\n[/version]\n");
            peer.readFrame(); // [mustlogin]
            peer.sendWml("[login]\nusername=\"" + name + "\"\n[/login]\n");
            return peer;
        }

        byte[] readFrame() throws IOException {
            byte[] payload = new byte[in.readInt()];
            in.readFully(payload);
            return payload;
        }

        void sendWml(String text) throws IOException {
            ByteArrayOutputStream packed = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
                gzip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            out.writeInt(packed.size());
            out.write(packed.toByteArray());
            out.flush();
        }

        /** True when the server closes the connection within {@code deadline} (whatever it sent first is read). */
        boolean closedWithin(Duration deadline) throws IOException {
            long end = System.nanoTime() + deadline.toNanos();
            byte[] sink = new byte[65536];
            while (System.nanoTime() < end) {
                socket.setSoTimeout((int) Math.max(1, (end - System.nanoTime()) / 1_000_000));
                try {
                    if (in.read(sink) < 0) {
                        return true;
                    }
                } catch (SocketTimeoutException e) {
                    return false;
                } catch (IOException reset) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
