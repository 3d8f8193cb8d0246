package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tavern.wml.Document;

/**
 * Every capture of the real client and the real wesnothd, replayed against Tavern: the client side
 * of the trace is sent as it was recorded, connection by connection in the recorded order, and each
 * connection must receive what wesnothd sent it, document for document (compared as WML trees,
 * with times and random seeds masked).
 */
class CaptureReplayIT {

    /** One record of a trace: {@code ### conn=N C>S|S>C t=... len=BYTES} and its WML. */
    record Frame(int index, int connection, boolean fromClient, double time, byte[] wml) {
    }

    /**
     * The capturing proxy logs each direction from its own thread, so a reply can be listed several
     * milliseconds before the request that caused it. Replies listed up to this long before a request
     * are therefore not awaited before sending it.
     */
    private static final double SAME_MOMENT_SECONDS = 0.010;

    @TempDir
    Path temp;

    static List<Frame> read(Path trace) throws IOException {
        byte[] all = Files.readAllBytes(trace);
        List<Frame> frames = new ArrayList<>();
        int i = 0;
        while (i < all.length) {
            int eol = i;
            while (all[eol] != '\n') {
                eol++;
            }
            String[] header = new String(all, i, eol - i, StandardCharsets.UTF_8).split(" ");
            int connection = Integer.parseInt(header[1].substring("conn=".length()));
            boolean fromClient = header[2].equals("C>S");
            double time = Double.parseDouble(header[3].substring("t=".length()));
            int length = Integer.parseInt(header[4].substring("len=".length()));
            byte[] wml = java.util.Arrays.copyOfRange(all, eol + 1, eol + 1 + length);
            if (!new String(wml, StandardCharsets.UTF_8).startsWith("HANDSHAKE")) {
                frames.add(new Frame(frames.size() + 1, connection, fromClient, time, wml));
            }
            i = eol + 1 + length + 1;
        }
        return frames;
    }

    /**
     * Two players who leave at the same moment: the trace cannot tell in which order wesnothd took
     * their [leave_game]s, but its notices can ("X has left the game.", {@code [observer_quit]}
     * come first for who went first). Such leaves are put in that order; every other record keeps its place.
     */
    static List<Frame> orderSimultaneousLeaves(List<Frame> frames) {
        Map<Integer, String> names = new HashMap<>();
        for (Frame frame : frames) {
            String text = new String(frame.wml(), StandardCharsets.UTF_8);
            java.util.regex.Matcher login = java.util.regex.Pattern.compile("\\[login\\][^\\[]*username=\"([^\"]*)\"")
                    .matcher(text);
            if (frame.fromClient() && login.find()) {
                names.put(frame.connection(), login.group(1));
            }
        }
        List<Frame> ordered = new ArrayList<>(frames);
        for (int i = 0; i < ordered.size(); i++) {
            Frame first = ordered.get(i);
            if (!isLeave(first)) {
                continue;
            }
            for (int j = i + 1; j < ordered.size() && ordered.get(j).time() - first.time() <= SAME_MOMENT_SECONDS; j++) {
                Frame second = ordered.get(j);
                if (isLeave(second) && second.connection() != first.connection()
                        && announced(ordered, i, names.get(second.connection()))
                                < announced(ordered, i, names.get(first.connection()))) {
                    ordered.remove(i);
                    ordered.add(j, first); // right after the other leave (j moved down by one)
                    break;
                }
            }
        }
        return ordered;
    }

    private static boolean isLeave(Frame frame) {
        return frame.fromClient() && new String(frame.wml(), StandardCharsets.UTF_8).startsWith("[leave_game]");
    }

    /** Where the server first told someone that {@code name} left (player or observer), from record {@code from} on. */
    private static int announced(List<Frame> frames, int from, String name) {
        for (int k = from; k < frames.size(); k++) {
            String text = new String(frames.get(k).wml(), StandardCharsets.UTF_8);
            if (!frames.get(k).fromClient() && (text.contains("message=\"" + name + " has left the game.\"")
                    || text.contains("message=\"" + name + " ended the game.\"")
                    || text.contains("[observer_quit]\nname=\"" + name + "\""))) {
                return k;
            }
        }
        return Integer.MAX_VALUE;
    }

    @ParameterizedTest
    @ValueSource(strings = {"lobby_chat", "host_join_test1_test2", "host_join_observer_test1_test2",
        "ai_battle_lg_battle"})
    void tavernAnswersTheRecordedClientsAsWesnothdDid(String capture) throws Exception {
        Path trace = Path.of(System.getProperty("tavern.captures", "../testdata/captures"))
                .resolve(capture + ".trace.txt");
        List<Frame> frames = orderSimultaneousLeaves(read(trace));
        assertTrue(frames.size() > 10, "the trace has frames: " + trace);
        try (ServerProcess server = ServerProcess.start(temp.resolve("server"), false, "-p", "0")) {
            server.awaitStarted();
            int port = server.awaitPort();
            Map<Integer, ProtocolClient> clients = new HashMap<>();
            Map<Integer, Integer> lastRecord = new HashMap<>();
            for (Frame frame : frames) {
                lastRecord.put(frame.connection(), frame.index());
            }
            Replay replay = new Replay(capture, port, clients, lastRecord);
            try {
                java.util.ArrayDeque<Frame> expected = new java.util.ArrayDeque<>();
                for (Frame frame : frames) {
                    replay.open(frame.connection());
                    if (!frame.fromClient()) {
                        expected.add(frame);
                    } else {
                        while (!expected.isEmpty() && expected.peek().time() < frame.time() - SAME_MOMENT_SECONDS) {
                            replay.receive(expected.poll(), frame.index(), expected);
                        }
                        clients.get(frame.connection()).sendGzip(Document.parse(frame.wml()).compressedOutput());
                        // The recorded clients left time between steps; here each step waits until the
                        // server has handled it, so the next one finds the same state.
                        replay.barrier(frame.connection());
                    }
                    replay.closeFinished(frame.index(), expected);
                }
                while (!expected.isEmpty()) {
                    replay.receive(expected.poll(), Integer.MAX_VALUE, expected);
                }
            } finally {
                for (ProtocolClient client : clients.values()) {
                    client.close();
                }
            }
        }
    }

    /** The connections of one replayed capture and what each has received so far. */
    private static final class Replay {
        private final String capture;
        private final int port;
        private final Map<Integer, ProtocolClient> clients;
        private final Map<Integer, Integer> lastRecord;
        private final Map<Integer, Integer> received = new HashMap<>();
        private final java.util.Set<Integer> closed = new java.util.HashSet<>();

        Replay(String capture, int port, Map<Integer, ProtocolClient> clients, Map<Integer, Integer> lastRecord) {
            this.capture = capture;
            this.port = port;
            this.clients = clients;
            this.lastRecord = lastRecord;
        }

        void open(int connection) throws IOException {
            if (!clients.containsKey(connection) && !closed.contains(connection)) {
                clients.put(connection, new ProtocolClient("conn" + connection, port));
            }
        }

        /** Only a logged-in player can ask the sync query. */
        void barrier(int connection) throws IOException {
            if (loggedIn.contains(connection)) {
                clients.get(connection).barrier();
            }
        }

        private final java.util.Set<Integer> loggedIn = new java.util.HashSet<>();

        void receive(Frame frame, int upTo, java.util.Deque<Frame> stillExpected) throws Exception {
            String expected = CanonicalWml.of(Document.parse(frame.wml()));
            int count = received.merge(frame.connection(), 1, Integer::sum);
            Document got;
            try {
                got = clients.get(frame.connection()).receive();
            } catch (IOException e) {
                throw new AssertionError(capture + ": record " + frame.index() + ", document " + count
                        + " for connection " + frame.connection() + " did not arrive; expected:\n" + expected, e);
            }
            if (got.root().child("join_lobby") != null) {
                loggedIn.add(frame.connection());
            }
            String actual = CanonicalWml.of(got);
            if (!expected.equals(actual)) {
                Path out = Files.createDirectories(Path.of("target", "captures"));
                Files.writeString(out.resolve(capture + "-expected.txt"), expected);
                Files.writeString(out.resolve(capture + "-actual.txt"), actual);
            }
            assertEquals(expected, actual, capture + ": record " + frame.index() + ", document "
                    + count + " sent to connection " + frame.connection());
            closeFinished(upTo, stillExpected);
        }

        /** A client whose every record has been played hangs up, as the real one did. */
        void closeFinished(int upTo, java.util.Deque<Frame> stillExpected) throws IOException {
            for (Map.Entry<Integer, Integer> entry : lastRecord.entrySet()) {
                int connection = entry.getKey();
                boolean waiting = stillExpected.stream().anyMatch(f -> f.connection() == connection);
                if (entry.getValue() <= upTo && !waiting && clients.containsKey(connection)) {
                    clients.remove(connection).close();
                    closed.add(connection);
                }
            }
        }
    }
}
