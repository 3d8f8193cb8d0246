package org.tavern.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * Each example plugin installed, updated in place (replaced by a changed version) and uninstalled
 * while a game relays a numbered speak every 20 ms: each behaviour starts, changes and stops exactly
 * between the moment its jar is handed over and the moment the server shows the change. Run through
 * FileInstall in a tavern.jar ({@link PluginLifecycleIT}) and through the OSGi API in a Pax Exam
 * container ({@link PluginBundlesIT}). JUnit 4 assertions: they are what the Pax Exam container has.
 */
final class ExamplePluginsScenario {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    /** What every relayed speak says; the chat filter masks the words it bans. */
    static final String SPEAK = "frak smeg";

    /** How the plugin jars reach the server, and how the test sees the server has them. */
    interface Deployment {

        /** Installs {@code jar} under the file name {@code name}, or updates the plugin installed under it. */
        void put(Path jar, String name) throws Exception;

        void remove(String name) throws Exception;

        /** Polls the lobby's plugin states (as {@code tavern:pluginstatus} prints them) until {@code condition}. */
        void awaitStatus(Predicate<String> condition) throws Exception;

        /** The installed plugin bundles as {@code tavern:plugins} lists them ({@code <symbolic name> <version>}). */
        String listing() throws Exception;
    }

    private final Deployment deployment;
    private final Path workDir;
    private final int port;

    ExamplePluginsScenario(Deployment deployment, Path workDir, int port) {
        this.deployment = deployment;
        this.workDir = workDir;
        this.port = port;
    }

    /** The three plugins in turn, {@code game} relaying all along; {@code asker} is a player in the lobby. */
    void run(RelayedGame game, ProtocolClient asker) throws Exception {
        chatFilter(game);
        maxObservers();
        seen(asker);
    }

    /**
     * The speaks read {@code frak smeg}, then {@code **** smeg} (version 1 bans one word), then
     * {@code **** ****} (version 2, its jar overwritten, bans both), then {@code frak smeg} again.
     */
    void chatFilter(RelayedGame game) throws Exception {
        Path built = PluginJar.built("chatfilter.jar",
                "../plugins-examples/chat-filter/target/tavern.plugin.chatfilter-0.1.0-SNAPSHOT.jar");
        Path v1 = PluginJar.variant(built, workDir.resolve("chat-filter-1.jar"), "0.1.0.v1",
                Map.of("ChatFilter", Map.of("banned.words", "frak", "max.messages", "0")));
        Path v2 = PluginJar.variant(built, workDir.resolve("chat-filter-2.jar"), "0.1.0.v2", Map.of("ChatFilter",
                Map.of("banned.words", "frak,smeg", "max.messages", "0", "tavern.plugin.name", "chat-filter-v2")));

        long before = game.lastSent();
        deployment.put(v1, "chat-filter.jar");
        deployment.awaitStatus(status -> status.contains("tavern.plugin.chatfilter/chat-filter"));
        long installed = game.lastSent();
        long settled = awaitEveryReader(game, installed, "**** smeg");
        assertSwitched(game, 0, before, installed, settled, "frak smeg", "**** smeg");

        before = game.lastSent();
        deployment.put(v2, "chat-filter.jar");
        deployment.awaitStatus(status -> status.contains("tavern.plugin.chatfilter/chat-filter-v2"));
        long updated = game.lastSent();
        String listing = deployment.listing();
        assertTrue(listing, listing.contains("tavern.plugin.chatfilter 0.1.0.v2") && listing.contains("chat-filter-v2"));
        long settledAgain = awaitEveryReader(game, updated, "**** ****");
        assertSwitched(game, settled, before, updated, settledAgain, "**** smeg", "**** ****");

        before = game.lastSent();
        deployment.remove("chat-filter.jar");
        deployment.awaitStatus(status -> !status.contains("chatfilter"));
        long removed = game.lastSent();
        long gone = awaitEveryReader(game, removed, "frak smeg");
        assertSwitched(game, settledAgain, before, removed, gone, "**** ****", "frak smeg");
    }

    /** Waits until every reader reads {@code text} in a speak sent after {@code seq}; answers the last speak sent then. */
    private static long awaitEveryReader(RelayedGame game, long seq, String text) throws InterruptedException {
        for (ProtocolClient reader : List.of(game.join, game.watcher)) {
            game.awaitLatest(reader, seq, text, DEADLINE.toMillis());
        }
        return game.lastSent();
    }

    /**
     * How a change shows in the speaks sent after {@code since} (the previous change had settled) and
     * up to {@code until} (this one has): every speak sent before the jar was written
     * ({@code before}) reads {@code old}; the old version never acts once the console shows the
     * change ({@code confirmed}) nor after the new version first acted. The relay never waits for a
     * plugin, and FileInstall stops and starts a bundle more than once while it replaces it, so a
     * speak handled while no version is running passes unfiltered ({@code SPEAK}), as it may at any
     * point of the switch.
     */
    private static void assertSwitched(RelayedGame game, long since, long before, long confirmed, long until,
            String old, String now) {
        for (ProtocolClient reader : List.of(game.join, game.watcher)) {
            boolean newVersionActed = false;
            for (RelayedGame.Tick tick : game.ticksOf(reader)) {
                if (tick.seq() <= since || tick.seq() > until) {
                    continue;
                }
                String where = reader.name + ": speak " + tick.seq();
                if (tick.seq() <= before) {
                    assertEquals(where + " was sent before the jar", old, tick.text());
                    continue;
                }
                assertTrue(where + ": " + tick.text(), List.of(old, now, SPEAK).contains(tick.text()));
                boolean oldActed = tick.text().equals(old) && !old.equals(SPEAK);
                assertFalse(where + " was filtered by the old version after the new one took over",
                        oldActed && (newVersionActed || tick.seq() > confirmed));
                newVersionActed |= tick.text().equals(now) && !now.equals(SPEAK);
            }
        }
    }

    /**
     * With the observer {@code watcher} in the game: anyone may observe; version 1 (one observer per
     * game) refuses a second; version 2 (two) admits a second and refuses a third; once removed,
     * anyone may observe again.
     */
    void maxObservers() throws Exception {
        Path built = PluginJar.built("maxobservers.jar",
                "../plugins-examples/max-observers/target/tavern.plugin.maxobservers-0.1.0-SNAPSHOT.jar");
        Path v1 = PluginJar.variant(built, workDir.resolve("max-observers-1.jar"), "0.1.0.v1",
                Map.of("MaxObservers", Map.of("max.observers", "1")));
        Path v2 = PluginJar.variant(built, workDir.resolve("max-observers-2.jar"), "0.1.0.v2", Map.of(
                "MaxObservers", Map.of("max.observers", "2", "tavern.plugin.name", "max-observers-v2"),
                "AllowedEras", Map.of("eras", "era_heroes")));
        try (ProtocolClient first = ProtocolClient.loggedIn("first", port);
                ProtocolClient second = ProtocolClient.loggedIn("second", port)) {
            assertEquals("admitted", observe(first, true));

            deployment.put(v1, "max-observers.jar");
            deployment.awaitStatus(status -> status.contains("tavern.plugin.maxobservers/max-observers"));
            awaitRefusal(second, "This game already has 1 observers, as many as this server allows.");

            deployment.put(v2, "max-observers.jar");
            deployment.awaitStatus(status -> status.contains("tavern.plugin.maxobservers/max-observers-v2"));
            awaitRefusal(second, "This server allows only these eras: era_heroes.", () -> host(second));
            assertEquals("version 2 admits a second observer", "admitted", observe(first, false));
            awaitRefusal(second, "This game already has 2 observers, as many as this server allows.");
            leave(first);

            deployment.remove("max-observers.jar");
            deployment.awaitStatus(status -> !status.contains("maxobservers"));
            assertEquals("admitted", observe(first, false));
            assertEquals("admitted", observe(second, true));
            leave(first);
            assertEquals("listed", host(second));
        }
    }

    private interface Attempt {
        String answer() throws Exception;
    }

    /**
     * Asks to observe (or makes another attempt) until refused with {@code refusal}. While FileInstall
     * replaces a bundle the rule may be absent for a moment; an attempt admitted then is undone.
     */
    private void awaitRefusal(ProtocolClient client, String refusal) throws Exception {
        awaitRefusal(client, refusal, () -> observe(client, true));
    }

    private void awaitRefusal(ProtocolClient client, String refusal, Attempt attempt) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        String answer;
        do {
            answer = attempt.answer();
            if (answer.equals(refusal)) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < end);
        throw new AssertionError(client.name + " still gets '" + answer + "' instead of '" + refusal + "'");
    }

    /**
     * {@code client} creates a game with the captured level (era_default): answers {@code listed} (an
     * onlooker in the lobby sees it; he leaves it again, which ends it), or the refusal he reads.
     */
    private String host(ProtocolClient client) throws Exception {
        try (ProtocolClient onlooker = ProtocolClient.loggedIn("onlooker" + onlookers++, port)) {
            client.send("[create_game]\nignored=\"\"\nname=\"Probe\"\npassword=\"\"\n[/create_game]\n");
            client.sendGzip(Document.parse(DifferentialIT.capturedLevel()).compressedOutput());
            long end = System.nanoTime() + DEADLINE.toNanos();
            while (System.nanoTime() < end) {
                for (Document document : client.sync()) {
                    Node message = document.root().child("message");
                    if (message != null && "error".equals(message.attr("type"))) {
                        return message.text("message");
                    }
                }
                for (Document document : onlooker.sync()) {
                    if (document.toString().contains("name=\"Probe\"")) {
                        leave(client);
                        return "listed";
                    }
                }
                Thread.sleep(50);
            }
            throw new AssertionError("the game of " + client.name + " was neither refused nor listed");
        }
    }

    private int onlookers;

    /**
     * Asks to observe game 1: answers {@code admitted} (he is in, and leaves again if {@code leave}),
     * or the refusal he reads.
     */
    private static String observe(ProtocolClient client, boolean leave) throws Exception {
        client.send("[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n");
        while (true) {
            Document document = client.receive();
            Node root = document.root();
            if (root.child("start_game") != null) {
                if (leave) {
                    leave(client);
                }
                client.sync();
                return "admitted";
            }
            if (root.child("leave_game") != null) {
                for (Document next : client.sync()) {
                    Node message = next.root().child("message");
                    if (message != null && "error".equals(message.attr("type"))) {
                        return message.text("message");
                    }
                }
                throw new AssertionError(client.name + " was refused without a reason");
            }
        }
    }

    private static void leave(ProtocolClient client) throws Exception {
        client.send("[leave_game]\n[/leave_game]\n");
        RelayedGame.awaitDocument(client, "gamelist");
        client.sync();
    }

    /**
     * {@code /query seen}: unknown before; version 1 knows who logged in since it started; version 2
     * (its jar overwritten) starts afresh; unknown again once removed.
     */
    void seen(ProtocolClient asker) throws Exception {
        Path built = PluginJar.built("seen.jar", "../plugins-examples/seen/target/tavern.plugin.seen-0.1.0-SNAPSHOT.jar");
        Path v1 = PluginJar.variant(built, workDir.resolve("seen-1.jar"), "0.1.0.v1", Map.of());
        Path v2 = PluginJar.variant(built, workDir.resolve("seen-2.jar"), "0.1.0.v2",
                Map.of("SeenCommand", Map.of("tavern.plugin.name", "seen-v2")));
        assertTrue(seenAnswer(asker, "host").startsWith("Error: unrecognized query: 'seen host'"));

        deployment.put(v1, "seen.jar");
        deployment.awaitStatus(status -> status.contains("tavern.plugin.seen/seen"));
        awaitSeenAnswer(asker, "host", answer -> answer.startsWith("host has not been seen since"));
        try (ProtocolClient early = awaitSeenOnline(asker, port, "early")) {
            deployment.put(v2, "seen.jar");
            deployment.awaitStatus(status -> status.contains("tavern.plugin.seen/seen-v2"));
            awaitSeenAnswer(asker, early.name, answer -> answer.startsWith(early.name + " has not been seen since"));
            awaitSeenOnline(asker, port, "late").close();
        }
        deployment.remove("seen.jar");
        deployment.awaitStatus(status -> !status.contains("tavern.plugin.seen"));
        awaitSeenAnswer(asker, "host", answer -> answer.startsWith("Error: unrecognized query: 'seen host'"));
    }

    /**
     * Logs in {@code prefix1}, {@code prefix2}, ... until {@code /query seen} reports one online: the
     * plugin heard the login. A login that fell into a restart of the bundle (FileInstall may restart
     * it once more after the console shows it) is forgotten, and the next one is tried.
     */
    private static ProtocolClient awaitSeenOnline(ProtocolClient asker, int port, String prefix) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        for (int attempt = 1; System.nanoTime() < end; attempt++) {
            ProtocolClient client = ProtocolClient.loggedIn(prefix + attempt, port);
            String answer = seenAnswer(asker, client.name);
            if (answer.startsWith(client.name + " is online")) {
                return client;
            }
            client.close();
        }
        throw new AssertionError("/query seen never reported a new login online");
    }

    /**
     * The answer to {@code /query seen <nick>}. The lobby removes a departing plugin's command a moment
     * after its listener (two trackers), so callers poll until the answer they expect, with a deadline.
     */
    private static void awaitSeenAnswer(ProtocolClient asker, String nick, Predicate<String> expected) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        String answer;
        do {
            answer = seenAnswer(asker, nick);
            if (expected.test(answer)) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < end);
        throw new AssertionError("/query seen " + nick + " still answers: " + answer);
    }

    /** A plugin's command answers later than the lobby's own: reads until the answer, not until a sync. */
    private static String seenAnswer(ProtocolClient asker, String nick) throws Exception {
        asker.send("[query]\ntype=\"seen " + nick + "\"\n[/query]\n");
        while (true) {
            Node message = asker.receive().root().child("message");
            if (message == null || !"server".equals(message.attr("sender"))) {
                continue;
            }
            String text = message.text("message");
            if (text.startsWith(nick + " ") || text.startsWith("Error: unrecognized query: 'seen")) {
                return text;
            }
        }
    }
}
