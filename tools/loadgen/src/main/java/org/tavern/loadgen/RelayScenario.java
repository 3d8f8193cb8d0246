package org.tavern.loadgen;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * Games relaying recorded turns. {@code games} games of two players and {@code observers}
 * observers each are set up as the captured clients did it (create, level, join, side and faction
 * diffs, start), then each game replays the captured played part again and again: every
 * {@code [turn]} goes to the other player and the observers, the first {@code [request_choice]} of
 * an id makes the server send a {@code [random_seed]} to every member. A game sends its next
 * document when the previous one has reached all its recipients (closed loop); with
 * {@code --rate=R} turns are also paced to R a second over all games. Every recipient checks it
 * gets each turn and seed once and in order; latency is from sending a turn to each recipient
 * getting it.
 */
final class RelayScenario {

    /** Recipients expect this id for a server's random seed (seeds carry no id of their own). */
    private static final long SEED = -1;

    private final Harness harness;
    private final int gameCount;
    private final int observers;
    private final double rate;
    private final long seconds;
    private final long warmupSeconds;
    private final String prefix;
    private final RecordedGame recorded;
    private final Map<Long, byte[]> frames = new ConcurrentHashMap<>();
    private final Map<String, Integer> gameIds = new ConcurrentHashMap<>();
    private final List<Game> games = new ArrayList<>();
    private final AtomicInteger loggedIn = new AtomicInteger();
    private final AtomicLong turnsInWindow = new AtomicLong();
    private final LatencyHistogram latency = new LatencyHistogram();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile boolean playing;

    /** One player or observer. */
    private static final class Member {
        final Game game;
        final RecordedGame.Role role; // null for an observer
        final ExpectedDeliveries expected = new ExpectedDeliveries();
        volatile boolean hasLevel;
        volatile boolean hasStart;

        Member(Game game, RecordedGame.Role role) {
            this.game = game;
            this.role = role;
        }
    }

    /** One game: its members, its place in the recorded stream, the step in flight. */
    private final class Game {
        final String name;
        final Client host;
        final Client joiner;
        final List<Client> watchers = new ArrayList<>();
        final List<Client> all = new ArrayList<>();
        final AtomicInteger remaining = new AtomicInteger();
        long position;
        long nextTurnNanos;
        volatile boolean idle = true;

        Game(int index) {
            name = "lg" + prefix + index;
            host = member(prefix + "h" + index, this, RecordedGame.Role.HOST);
            joiner = member(prefix + "j" + index, this, RecordedGame.Role.JOINER);
            all.add(host);
            all.add(joiner);
            for (int o = 0; o < observers; o++) {
                Client watcher = member(prefix + "o" + index + "x" + o, this, null);
                watchers.add(watcher);
                all.add(watcher);
            }
        }

        String renamed(String text) {
            return recorded.renamed(text, host.name, joiner.name);
        }

        /** Sends the step at {@code position}; on the sender's loop thread. */
        void sendStep() {
            if (!playing) {
                idle = true;
                return;
            }
            int s = recorded.steps.size();
            int iteration = (int) (position / s);
            int index = (int) (position % s);
            RecordedGame.Step step = recorded.steps.get(index);
            Client sender = step.sender() == RecordedGame.Role.HOST ? host : joiner;
            byte[] frame = frames.computeIfAbsent(position, p -> Wire.frame(recorded.stepText(iteration, index)));
            long now = System.nanoTime();
            List<Client> recipients = new ArrayList<>();
            long id;
            if (step.choice()) {
                id = SEED;
                if (step.firstOfRequest()) {
                    recipients.addAll(all);
                }
            } else {
                id = recorded.sequence(iteration, index);
                for (Client c : all) {
                    if (c != sender) {
                        recipients.add(c);
                    }
                }
            }
            remaining.set(recipients.size());
            for (Client c : recipients) {
                ((Member) c.state).expected.expect(id, now);
            }
            sender.send(frame);
            if (recipients.isEmpty()) {
                advance();
            }
        }

        /** One recipient got the step in flight; the last one moves the game on. */
        void delivered(boolean turn, long sentNanos, long nanos) {
            if (turn && sentNanos >= windowStart && sentNanos < windowEnd) {
                latency.recordNanos(nanos - sentNanos);
            }
            if (remaining.decrementAndGet() == 0) {
                if (turn && nanos >= windowStart && nanos < windowEnd) {
                    turnsInWindow.incrementAndGet();
                }
                advance();
            }
        }

        private void advance() {
            position++;
            RecordedGame.Step next = recorded.steps.get((int) (position % recorded.steps.size()));
            Client sender = next.sender() == RecordedGame.Role.HOST ? host : joiner;
            if (rate > 0 && !next.choice()) {
                long now = System.nanoTime();
                long at = Math.max(now, nextTurnNanos);
                nextTurnNanos = at + (long) (gameCount * 1e9 / rate);
                sender.loop.schedule(at, this::sendStep);
            } else {
                sender.loop.execute(this::sendStep);
            }
        }
    }

    RelayScenario(Harness harness, Options options) throws Exception {
        this.harness = harness;
        this.gameCount = options.count("games", 20, 1, 10_000);
        this.observers = options.count("observers", 2, 0, 1000);
        this.rate = options.decimal("rate", 0);
        this.seconds = options.count("seconds", 10, 1, 3600);
        this.warmupSeconds = options.count("warmup-seconds", 2, 0, 3600);
        this.prefix = options.string("prefix", "");
        Path capture = Path.of(options.string("capture", "testdata/captures/ai_battle_lg_battle.trace.txt"));
        if (!java.nio.file.Files.isRegularFile(capture)) {
            throw new Options.UsageException("no capture at " + capture.toAbsolutePath()
                    + " (run from the repository root, or pass --capture=FILE)");
        }
        this.recorded = RecordedGame.from(Capture.read(capture), capture.toString());
    }

    String runChecked(Options options) throws Exception {
        options.rejectUnknown();
        return run();
    }

    private Client member(String name, Game game, RecordedGame.Role role) {
        Client c = harness.client(name, handler);
        c.state = new Member(game, role);
        return c;
    }

    private final Client.Handler handler = new Client.Handler() {
        @Override
        public void loggedIn(Client client, byte[] gamelist, long nanos) {
            loggedIn.incrementAndGet();
        }

        @Override
        public void document(Client client, byte[] payload, long nanos) {
            Document doc;
            try {
                doc = client.loop.cache.parse(payload);
            } catch (Exception e) {
                client.fail("document does not parse: " + e.getMessage());
                return;
            }
            Node root = doc.root();
            Member me = (Member) client.state;
            String seq = root.attr("lg_seq");
            if (seq != null) {
                arrived(client, me, Long.parseLong(seq), nanos);
            } else if (isSeed(root)) {
                arrived(client, me, SEED, nanos);
            } else if (root.child("gamelist_diff") != null) {
                noteGames(root);
            } else if (root.child("scenario") != null && root.child("multiplayer") != null) {
                me.hasLevel = true;
            } else if (root.child("start_game") != null) {
                me.hasStart = true;
            } else if (root.child("error") != null) {
                client.fail("server error: " + root.child("error").text("message"));
            } else if (playing && root.child("leave_game") != null) {
                client.fail("left the game in the middle of it");
            }
        }
    };

    private static boolean isSeed(Node root) {
        Node turn = root.child("turn");
        if (turn == null) {
            return false;
        }
        Node command = turn.child("command");
        return command != null && command.attrEquals("from_side", "server") && command.child("random_seed") != null;
    }

    private void arrived(Client client, Member me, long id, long nanos) {
        ExpectedDeliveries.Arrival arrival = me.expected.arrived(id);
        String what = id == SEED ? "a random seed" : "turn " + id;
        switch (arrival.outcome()) {
            case UNEXPECTED -> {
                harness.verdict.duplicated(client.name + " got " + what + " it did not expect (again?)");
                return;
            }
            case REORDERED -> harness.verdict.reordered(client.name + " got " + what + " before earlier documents");
            case IN_ORDER -> {
            }
        }
        me.game.delivered(id != SEED, arrival.matched().sentNanos(), nanos);
    }

    /** Games appear in the lobby's diffs; their ids are what {@code [join]} needs. */
    private void noteGames(Node node) {
        for (Node child : node.children()) {
            if (child.nameEquals("game") && child.has("name") && child.has("id")) {
                gameIds.putIfAbsent(child.text("name"), child.toInt("id", 0));
            } else {
                noteGames(child);
            }
        }
    }

    private String run() throws Exception {
        for (int g = 0; g < gameCount; g++) {
            games.add(new Game(g));
        }
        List<Client> everyone = games.stream().flatMap(g -> g.all.stream()).toList();
        for (int i = 0; i < everyone.size(); i++) {
            everyone.get(i).start(harness.server);
            int started = i;
            harness.await("logins", 60_000, () -> loggedIn.get() > started - 20);
        }
        harness.await(everyone.size() + " logins", 120_000, () -> loggedIn.get() == everyone.size());
        setUpGames();
        long cpu0 = harness.stats.cpuMicros();
        playing = true;
        for (Game g : games) {
            g.idle = false;
            g.nextTurnNanos = System.nanoTime();
            g.host.loop.execute(g::sendStep);
        }
        Harness.sleepMillis(warmupSeconds * 1000);
        cpu0 = harness.stats.cpuMicros();
        long jit0 = harness.stats.compilerMicros();
        long[] switches0 = harness.stats.contextSwitches();
        windowStart = System.nanoTime();
        Harness.sleepMillis(seconds * 1000);
        windowEnd = System.nanoTime();
        long cpu1 = harness.stats.cpuMicros();
        long jit1 = harness.stats.compilerMicros();
        long[] switches1 = harness.stats.contextSwitches();
        playing = false;
        harness.await("the games' last documents", 30_000, () -> games.stream().allMatch(g -> g.idle));
        Harness.sleepMillis(200); // anything a server would wrongly send twice
        for (Game g : games) {
            for (Client c : g.all) {
                harness.verdict.lost(((Member) c.state).expected.outstanding(), c.name + "'s expected documents");
            }
        }
        long turns = turnsInWindow.get();
        long span = windowEnd - windowStart;
        String line = harness.resultHead("relay") + " games=" + gameCount + " observers=" + observers
                + " rate=" + (rate == 0 ? "max" : rate) + " turns=" + turns + " turns_per_s=" + Harness.perSecond(turns, span)
                + " p50_ms=" + latency.percentileMs(50) + " p99_ms=" + latency.percentileMs(99)
                + " " + harness.cpuPer("turn", cpu1 - cpu0, turns)
                + " jit_" + harness.cpuPer("turn", jit1 - jit0, turns)
                + " " + perTurn("voluntary_cs", switches1[0] - switches0[0], turns)
                + " " + perTurn("involuntary_cs", switches1[1] - switches0[1], turns)
                + " " + harness.rssField()
                + " " + harness.verdict.fields();
        everyone.forEach(Client::close);
        return line;
    }

    /** {@code <name>_per_turn=...}, or {@code =na} without a server pid. */
    private String perTurn(String name, long count, long turns) {
        return name + "_per_turn=" + (!harness.stats.known() || turns == 0 ? "na"
                : String.format(java.util.Locale.ROOT, "%.2f", count / (double) turns));
    }

    /** Create, level, join, observe and start every game as the captured clients did. */
    private void setUpGames() throws Exception {
        for (Game g : games) {
            g.host.send(Wire.frame(recorded.createGame.replaceFirst("name=\"[^\"]*\"", "name=\"" + g.name + "\"")));
            g.host.send(Wire.frame(g.renamed(recorded.level)));
            recorded.hostBeforeJoin.forEach(f -> g.host.send(Wire.frame(g.renamed(f.text()))));
        }
        harness.await("the games in the lobby", 30_000, () -> games.stream().allMatch(g -> gameIds.containsKey(g.name)));
        for (Game g : games) {
            g.joiner.send(Wire.frame("[join]\n\tid=" + gameIds.get(g.name) + "\n\tobserve=no\n[/join]\n"));
        }
        harness.await("the joiners' levels", 30_000,
                () -> games.stream().allMatch(g -> ((Member) g.joiner.state).hasLevel));
        for (Game g : games) {
            recorded.joinerSetup.forEach(f -> g.joiner.send(Wire.frame(g.renamed(f.text()))));
            for (Client w : g.watchers) {
                w.send(Wire.frame("[join]\n\tid=" + gameIds.get(g.name) + "\n\tobserve=yes\n[/join]\n"));
            }
        }
        harness.await("the observers' levels", 30_000, () -> games.stream().allMatch(
                g -> g.watchers.stream().allMatch(w -> ((Member) w.state).hasLevel)));
        Harness.sleepMillis(200); // the join's side offers and user lists reach the host
        for (Game g : games) {
            recorded.hostAfterJoin.forEach(f -> g.host.send(Wire.frame(g.renamed(f.text()))));
        }
        harness.await("[start_game] at every joiner and observer", 30_000, () -> games.stream().allMatch(
                g -> g.all.stream().skip(1).allMatch(c -> ((Member) c.state).hasStart)));
    }
}
