package org.tavern.distribution;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * A running two-player game under relay load, for the hot-deploy tests: {@code host} plays side 1
 * and sends a numbered speak ({@code "<text> <seq>"}) every few milliseconds from a thread of its
 * own; {@code join} (side 2) and, in a recorded game, the observer {@code watcher} read everything
 * on threads of their own and keep each numbered speak, so a test can check that none was lost,
 * duplicated or reordered and what each one looked like after the plugins' filters.
 *
 * <p>{@code recorded}: the speaks are ordinary turns, recorded and sent to everyone; otherwise they
 * are addressed {@code to_sides=2}, which the server relays to join only and never records, so a
 * long soak does not grow the game's history.
 */
final class RelayedGame implements AutoCloseable {

    /** One numbered speak as a reader received it. */
    record Tick(long seq, String text) {
    }

    private static final String END = "end-of-ticks";

    /**
     * Who plays and how fast: the players' names start with {@code prefix} ({@code <prefix>host},
     * {@code <prefix>join}, {@code <prefix>watcher}, {@code <prefix>watcher2}, ...), the game is
     * created as the server's game {@code gameId} (games created one after another are numbered in
     * that order), the host speaks every {@code tickMillis}.
     */
    record Setup(String prefix, int gameId, int observers, long tickMillis) {
        /** One game on a fresh server: host, join, one watcher, a speak every 20 ms. */
        static final Setup ONE_GAME = new Setup("", 1, 1, 20);
    }

    final ProtocolClient host;
    final ProtocolClient join;
    /** The first observer (null in a game not recorded); {@link #observers} has them all. */
    final ProtocolClient watcher;
    final List<ProtocolClient> observers = new ArrayList<>();
    private final String text;
    private final boolean recorded;
    private final long tickMillis;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicBoolean ticking = new AtomicBoolean(true);
    private final Map<String, List<Tick>> received = new ConcurrentHashMap<>();
    /** Anything a reader saw that means trouble: an error, being sent back to the lobby, a lost connection. */
    final List<String> problems = new CopyOnWriteArrayList<>();
    private final CountDownLatch readersDone;
    private final List<Thread> threads = new ArrayList<>();

    private RelayedGame(int port, String text, boolean recorded, Setup setup) throws Exception {
        this.text = text;
        this.recorded = recorded;
        this.tickMillis = setup.tickMillis();
        host = ProtocolClient.loggedIn(setup.prefix() + "host", port);
        join = ProtocolClient.loggedIn(setup.prefix() + "join", port);
        if (recorded) {
            for (int i = 1; i <= setup.observers(); i++) {
                observers.add(ProtocolClient.loggedIn(setup.prefix() + "watcher" + (i == 1 ? "" : i), port));
            }
        }
        watcher = observers.isEmpty() ? null : observers.get(0);
        host.send("[create_game]\nignored=\"\"\nname=\"Relay " + setup.gameId() + "\"\npassword=\"\"\n[/create_game]\n");
        host.sendGzip(Document.parse(DifferentialIT.capturedLevel()).compressedOutput());
        host.sync();
        join.send("[join]\nid=\"" + setup.gameId() + "\"\nobserve=\"no\"\n[/join]\n");
        awaitDocument(join, "user");
        for (ProtocolClient observer : observers) {
            observer.send("[join]\nid=\"" + setup.gameId() + "\"\nobserve=\"yes\"\n[/join]\n");
            awaitDocument(observer, "user");
        }
        host.send("[scenario_diff]\n[change_child]\nindex=0\n[scenario]\n[change_child]\nindex=1\n[side]\n"
                + "[insert]\ncurrent_player=\"" + join.name + "\"\nplayer_id=\"" + join.name + "\"\n[/insert]\n"
                + "[/side]\n[/change_child]\n[/scenario]\n[/change_child]\n[/scenario_diff]\n");
        host.send("[start_game]\n[/start_game]\n");
        for (ProtocolClient reader : readers()) {
            awaitDocument(reader, "start_game");
        }
        readersDone = new CountDownLatch(readers().size());
    }

    /** Starts a game without load: a test sends the turns itself (nobody reads for it either). */
    static RelayedGame idle(int port) throws Exception {
        return new RelayedGame(port, "", true, Setup.ONE_GAME);
    }

    /**
     * Starts a game and its load. {@code text} is what every speak says before its number (what a
     * chat filter is to act on).
     */
    static RelayedGame start(int port, String text, boolean recorded) throws Exception {
        return start(port, text, recorded, Setup.ONE_GAME);
    }

    /** As {@link #start(int, String, boolean)}, with these players, game number and pace. */
    static RelayedGame start(int port, String text, boolean recorded, Setup setup) throws Exception {
        RelayedGame game = new RelayedGame(port, text, recorded, setup);
        for (ProtocolClient reader : game.readers()) {
            game.received.put(reader.name, new CopyOnWriteArrayList<>());
            game.threads.add(thread("reader " + reader.name, () -> game.read(reader)));
        }
        game.threads.add(thread("ticker", game::tick));
        return game;
    }

    private static Thread thread(String name, ThrowingRunnable body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Exception e) {
                throw new IllegalStateException(name + " failed", e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Everyone who reads the host's speaks: join, then the observers. */
    List<ProtocolClient> readers() {
        List<ProtocolClient> readers = new ArrayList<>(List.of(join));
        readers.addAll(observers);
        return readers;
    }

    /** The number of the last speak sent so far (every later one is sent after this call). */
    long lastSent() {
        return sent.get();
    }

    private void tick() throws Exception {
        String addressed = recorded ? "" : "to_sides=\"2\"\n";
        try {
            while (ticking.get()) {
                long seq = sent.incrementAndGet();
                host.send("[turn]\n[command]\n[speak]\nmessage=\"" + text + " " + seq + "\"\n" + addressed
                        + "[/speak]\n[/command]\n[/turn]\n");
                // paces the load; nothing waits on state here
                Thread.sleep(tickMillis);
            }
            host.send("[turn]\n[command]\n[speak]\nmessage=\"" + END + "\"\n" + addressed + "[/speak]\n[/command]\n[/turn]\n");
        } catch (IOException e) {
            problems.add("host could not send: " + e);
        }
    }

    private void read(ProtocolClient reader) {
        List<Tick> ticks = received.get(reader.name);
        try {
            while (true) {
                Document document = reader.receive();
                Node root = document.root();
                if (root.child("error") != null || root.child("leave_game") != null) {
                    problems.add(reader.name + " was sent " + document);
                }
                Node turn = root.child("turn");
                Node command = turn == null ? null : turn.child("command");
                Node speak = command == null ? null : command.child("speak");
                if (speak == null || !speak.attrEquals("id", host.name)) {
                    continue;
                }
                String message = speak.text("message");
                if (message.equals(END)) {
                    return;
                }
                int space = message.lastIndexOf(' ');
                ticks.add(new Tick(Long.parseLong(message.substring(space + 1)), message.substring(0, space)));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(reader.name + " lost its connection or read garbage: " + e);
        } finally {
            readersDone.countDown();
        }
    }

    /** The speaks a reader received so far, in the order received. */
    List<Tick> ticksOf(ProtocolClient reader) {
        return List.copyOf(received.get(reader.name));
    }

    /**
     * Waits until every reader has received speak {@code seq} (or a later one); a reader that falls
     * that far behind fails the test at the deadline.
     */
    void awaitReceived(long seq, long deadlineMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + deadlineMillis;
        for (ProtocolClient reader : readers()) {
            while (true) {
                List<Tick> ticks = received.get(reader.name);
                if (!ticks.isEmpty() && ticks.get(ticks.size() - 1).seq() >= seq) {
                    break;
                }
                if (System.currentTimeMillis() > end || !problems.isEmpty()) {
                    throw new AssertionError(reader.name + " never received speak " + seq + "; problems: " + problems);
                }
                Thread.sleep(10);
            }
        }
    }

    /**
     * Waits until {@code reader} has received a speak sent after {@code afterSeq} that reads
     * {@code text}: a plugin change has taken effect for good.
     */
    void awaitLatest(ProtocolClient reader, long afterSeq, String text, long deadlineMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + deadlineMillis;
        while (true) {
            List<Tick> ticks = received.get(reader.name);
            Tick last = ticks.isEmpty() ? null : ticks.get(ticks.size() - 1);
            if (last != null && last.seq() > afterSeq && last.text().equals(text)) {
                return;
            }
            if (System.currentTimeMillis() > end || !problems.isEmpty()) {
                throw new AssertionError(reader.name + " still reads " + last + " instead of '" + text + "'; problems: "
                        + problems);
            }
            Thread.sleep(10);
        }
    }

    /** The host speaks its last numbered speak and then the end (many games stop at once this way). */
    void stopTicking() {
        ticking.set(false);
    }

    /**
     * Stops the load and waits for the readers to read its end; then each reader must have received
     * every speak exactly once, in the order sent, and nothing that means trouble.
     */
    void stopAndCheckEverythingArrivedInOrder() throws InterruptedException {
        stopTicking();
        if (!readersDone.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the readers never read the end of the load; problems: " + problems);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("trouble during the load: " + problems);
        }
        long last = sent.get();
        for (ProtocolClient reader : readers()) {
            List<Tick> ticks = received.get(reader.name);
            for (int i = 0; i < ticks.size(); i++) {
                if (ticks.get(i).seq() != i + 1) {
                    throw new AssertionError(reader.name + " received speak " + ticks.get(i).seq() + " at position "
                            + (i + 1) + " (lost, duplicated or reordered)");
                }
            }
            if (ticks.size() != last) {
                throw new AssertionError(reader.name + " received " + ticks.size() + " of " + last + " speaks");
            }
        }
    }

    /** Reads until a document with that root child arrives (the socket's read timeout bounds the wait). */
    static Document awaitDocument(ProtocolClient client, String tag) throws IOException {
        while (true) {
            Document document = client.receive();
            if (document.root().child(tag) != null) {
                return document;
            }
        }
    }

    @Override
    public void close() throws IOException {
        ticking.set(false);
        for (ProtocolClient client : readers()) {
            client.close();
        }
        host.close();
    }
}
