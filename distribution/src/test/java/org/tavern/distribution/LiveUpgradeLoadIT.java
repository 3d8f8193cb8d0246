package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * {@code tavern:upgrade} twenty times in a row under load (issue 19): 20 recorded games relaying
 * numbered turns (host, joiner, two observers each), 200 idle lobby members and 2 chatting ones, all
 * in a running tavern.jar. Nobody is disconnected (every upgrade carries every connection over, and
 * every client still answers at the end); every turn and every chat line reaches everyone it is for
 * exactly once and in order; a late observer of each game gets its whole history; a new login sees
 * all 20 games; and after a full collection the server holds no more bundle class loaders, threads or
 * live heap than after the first upgrades, within the plugin soak's limits
 * ({@link PluginRedeploySoakIT#leaks}). Each upgrade's pause (the command prints it) is printed with
 * its p50, p99 and maximum.
 */
class LiveUpgradeLoadIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final int GAMES = 20;
    private static final int OBSERVERS = 2;
    private static final int IDLE = 200;
    private static final int CHATTERS = 2;
    private static final int CONNECTIONS = GAMES * (2 + OBSERVERS) + IDLE + CHATTERS;
    /** Upgrades measured. */
    private static final int UPGRADES = Integer.getInteger("upgrade.load.upgrades", 20);
    /** Upgrades before the baseline: the JIT, SCR and the logging have seen a new lobby start by then. */
    private static final int WARM_UP = 2;
    /** Each host speaks every 50 ms: 400 turns/s in all, each relayed to three readers. */
    private static final long TURN_MILLIS = 50;
    /** Each chatter says a line every 100 ms: 20 lines/s, each relayed to 201 members. */
    private static final long LINE_MILLIS = 100;
    private static final Pattern UPGRADED =
            Pattern.compile("Upgraded tavern\\.lobby .*: (\\d+) connections carried over, pause (\\d+) ms");
    /** A class of the lobby bundle: each revision still loaded defines it once. */
    private static final String LOBBY_CLASS = "org.tavern.lobby.internal.LobbyServer";
    private static final Pattern SOMEONE_LEFT = Pattern.compile("(?m) - \\S+ left \\(");

    @TempDir
    Path temp;

    @Test
    void twentyUpgradesUnderLoadDisconnectNobodyAndLoseNothing() throws Exception {
        Path home = temp.resolve("home");
        Files.createDirectories(home.resolve("etc"));
        // everyone connects from 127.0.0.1; the chatters talk faster than wesnothd's flood limit allows
        Files.writeString(home.resolve("etc/tavern.transport.cfg"), "connections.per.address=0\n");
        Files.writeString(home.resolve("etc/tavern.lobby.cfg"), "connections.allowed=0\nmax.messages=1000000\n");
        try (ServerProcess server = ServerProcess.start(home, true, "-p", "0")) {
            server.awaitStarted();
            server.awaitConsole(t -> t.contains("Transport configuration applied from tavern.transport")
                    && t.contains("applied from tavern.lobby"), DEADLINE, "the transport's and the lobby's configuration");
            int port = server.awaitPort();
            List<RelayedGame> games = new ArrayList<>();
            LobbyCrowd crowd = null;
            long started = System.nanoTime();
            try {
                for (int id = 1; id <= GAMES; id++) {
                    games.add(RelayedGame.start(port, "turn", true,
                            new RelayedGame.Setup("g" + id, id, OBSERVERS, TURN_MILLIS)));
                }
                crowd = LobbyCrowd.start(port, IDLE, CHATTERS, LINE_MILLIS);
                awaitLoadGoesOn(games, crowd);
                System.out.printf("LiveUpgradeLoadIT: %d connections up in %d ms%n", CONNECTIONS,
                        (System.nanoTime() - started) / 1_000_000);

                ServerVm.Snapshot baseline = null;
                ServerVm.Loaders baselineLoaders = null;
                List<Long> pauses = new ArrayList<>();
                for (int round = 0; round < WARM_UP + UPGRADES; round++) {
                    if (round == WARM_UP) {
                        baseline = ServerVm.measure(server.serverJvm().pid());
                        baselineLoaders = ServerVm.loaders(server.serverJvm().pid(), LOBBY_CLASS);
                        heapDump(server, ".baseline");
                    }
                    String answer = server.shellOutput("tavern:upgrade");
                    Matcher upgraded = UPGRADED.matcher(answer);
                    assertTrue(upgraded.find(), "upgrade " + (round + 1) + ": " + answer);
                    assertEquals(CONNECTIONS, Integer.parseInt(upgraded.group(1)), "upgrade " + (round + 1) + ": " + answer);
                    if (round >= WARM_UP) {
                        pauses.add(Long.parseLong(upgraded.group(2)));
                    }
                    System.out.println("LiveUpgradeLoadIT: upgrade " + (round + 1) + ": " + upgraded.group());
                    awaitLoadGoesOn(games, crowd); // the games and the chat go on before the next one
                }
                // measured under load, the games still running, as the baseline was
                ServerVm.Snapshot after = ServerVm.measure(server.serverJvm().pid());
                ServerVm.Loaders afterLoaders = ServerVm.loaders(server.serverJvm().pid(), LOBBY_CLASS);
                System.out.printf("LiveUpgradeLoadIT: %d upgrades (after %d to warm up); pauses %s ms; %s; "
                        + "before: %s, %s; after: %s, %s; %d s in all%n", UPGRADES, WARM_UP, pauses, percentiles(pauses),
                        baseline, baselineLoaders, after, afterLoaders, (System.nanoTime() - started) / 1_000_000_000);

                for (RelayedGame game : games) {
                    game.stopTicking();
                }
                crowd.stopAndCheckEveryLineArrivedInOrder();
                for (RelayedGame game : games) {
                    game.stopAndCheckEverythingArrivedInOrder();
                }
                String console = server.consoleText();
                assertEquals(WARM_UP + UPGRADES, console.lines()
                        .filter(line -> line.contains("Lobby state taken over: " + CONNECTIONS + " connections")).count(),
                        "every upgrade took every connection over");
                Matcher left = SOMEONE_LEFT.matcher(console);
                if (left.find()) {
                    throw new AssertionError("nobody was to leave, but: "
                            + console.substring(left.start(), Math.min(console.length(), left.start() + 200)));
                }
                everyoneStillAnswers(games, crowd);
                lateObserversGetTheWholeHistory(port, games);
                aNewLoginSeesEveryGame(port);
                // the plugin soak's limits; the class loaders counted as those that define classes (a bundle
                // first asked for its loader meanwhile is no leak), and exactly one lobby revision loaded
                List<String> leaks = PluginRedeploySoakIT.leaks(baseline, new ServerVm.Snapshot(after.liveBytes(),
                        baseline.bundleClassLoaders() + afterLoaders.defining() - baselineLoaders.defining(),
                        after.threads()));
                if (afterLoaders.definingClass() != 1) {
                    leaks.add(afterLoaders.definingClass() + " revisions of the lobby still loaded");
                }
                if (!leaks.isEmpty()) {
                    heapDump(server, "");
                }
                assertEquals(List.of(), leaks);
            } catch (AssertionError | RuntimeException e) {
                // the server's side of the story: its warnings and errors, and how it ended
                List<String> lines = server.consoleText().lines().toList();
                lines.stream().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).limit(50)
                        .forEach(System.out::println);
                lines.subList(Math.max(0, lines.size() - 60), lines.size()).forEach(System.out::println);
                throw e;
            } finally {
                for (RelayedGame game : games) {
                    game.close();
                }
                if (crowd != null) {
                    crowd.close();
                }
            }
            assertEquals(143, server.terminate(DEADLINE));
        }
    }

    /** With {@code -Dupgrade.load.heapdump=<file>}: the server's heap, to look into a leak (the file name plus {@code suffix}). */
    private static void heapDump(ServerProcess server, String suffix) throws Exception {
        String dump = System.getProperty("upgrade.load.heapdump");
        if (dump != null) {
            new ProcessBuilder(Path.of(System.getProperty("java.command", "java")).resolveSibling("jcmd").toString(),
                    Long.toString(server.serverJvm().pid()), "GC.heap_dump", dump + suffix).inheritIO().start().waitFor();
        }
    }

    /** Every reader of every game reads a turn sent from now on, every member a line said from now on. */
    private static void awaitLoadGoesOn(List<RelayedGame> games, LobbyCrowd crowd) throws InterruptedException {
        for (RelayedGame game : games) {
            game.awaitReceived(game.lastSent() + 1, DEADLINE.toMillis());
        }
        long line = 0;
        for (ProtocolClient chatter : crowd.chatters) {
            line = Math.max(line, crowd.lastSaid(chatter));
        }
        crowd.awaitRead(line + 1, DEADLINE);
    }

    /** p50, p99 and the maximum, nearest rank. */
    static String percentiles(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return "p50 " + rank(sorted, 0.50) + " ms, p99 " + rank(sorted, 0.99) + " ms, max " + sorted.get(sorted.size() - 1)
                + " ms";
    }

    private static long rank(List<Long> sorted, double quantile) {
        return sorted.get(Math.max(0, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    /** Every client ever connected still gets a sync query answered: its connection is the one it opened. */
    private static void everyoneStillAnswers(List<RelayedGame> games, LobbyCrowd crowd) throws Exception {
        for (RelayedGame game : games) {
            game.host.sync();
            for (ProtocolClient reader : game.readers()) {
                reader.sync();
            }
        }
        for (ProtocolClient member : crowd.members) {
            member.sync();
        }
    }

    /** A new observer of each game gets the host's speaks, every one and in order, from before, between and after the upgrades. */
    private static void lateObserversGetTheWholeHistory(int port, List<RelayedGame> games) throws Exception {
        for (int id = 1; id <= games.size(); id++) {
            RelayedGame game = games.get(id - 1);
            try (ProtocolClient late = ProtocolClient.loggedIn("late" + id, port)) {
                late.send("[join]\nid=\"" + id + "\"\nobserve=\"yes\"\n[/join]\n");
                List<String> speaks = new ArrayList<>();
                for (Node turn : awaitHistory(late).root().children("turn")) {
                    Node command = turn.child("command");
                    Node speak = command == null ? null : command.child("speak");
                    if (speak != null && speak.attrEquals("id", game.host.name)) {
                        speaks.add(speak.text("message"));
                    }
                }
                List<String> expected = new ArrayList<>();
                for (long seq = 1; seq <= game.lastSent(); seq++) {
                    expected.add("turn " + seq);
                }
                expected.add("end-of-ticks");
                assertEquals(expected, speaks, "the history of game " + id);
            }
        }
    }

    /** The one document with the recorded turns, which a late observer gets (bounded wait). */
    private static Document awaitHistory(ProtocolClient late) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < end) {
            for (Document document : late.sync()) {
                if (document.root().count("turn") > 1) {
                    return document;
                }
            }
        }
        throw new AssertionError("the late observer never got the history");
    }

    private static void aNewLoginSeesEveryGame(int port) throws Exception {
        try (ProtocolClient newcomer = new ProtocolClient("newcomer", port)) {
            newcomer.receive(); // [version]
            newcomer.send("[version]\nversion=\"1.16.9\"\n[/version]\n");
            newcomer.receive(); // [mustlogin]
            newcomer.send("[login]\nusername=\"newcomer\"\n[/login]\n");
            List<String> names = new ArrayList<>();
            for (Document document : newcomer.sync()) {
                Node gamelist = document.root().child("gamelist");
                if (gamelist != null) {
                    gamelist.children("game").forEach(game -> names.add(game.text("name")));
                }
            }
            List<String> expected = new ArrayList<>();
            for (int id = 1; id <= GAMES; id++) {
                expected.add("Relay " + id);
            }
            assertEquals(expected, names.stream().sorted((a, b) -> Integer.compare(number(a), number(b))).toList());
        }
    }

    private static int number(String gameName) {
        return Integer.parseInt(gameName.substring(gameName.lastIndexOf(' ') + 1));
    }
}
