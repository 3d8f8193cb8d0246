package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * {@code tavern:upgrade}, three times in a row, in a running tavern.jar while a recorded game relays
 * numbered turns (host, joiner, observer): the lobby bundle is replaced with itself and hands its
 * state over; nobody is disconnected, every turn arrives exactly once and in order, and a late
 * observer joining after the upgrades gets the whole history, from before, between and after them.
 */
class LiveUpgradeIT {

    private static final long DEADLINE_MILLIS = 30_000;
    /** Upgrades in a row: each must find the state the one before left (the holder emptied, the new lobby whole). */
    private static final int UPGRADES = 3;

    @TempDir
    Path temp;

    @Test
    void aGameKeepsRelayingTurnsAcrossUpgrades() throws Exception {
        Path home = temp.resolve("home");
        Files.createDirectories(home.resolve("etc"));
        try (ServerProcess server = ServerProcess.start(home, true, "-p", "0")) {
            server.awaitStarted();
            int port = server.awaitPort();
            try (RelayedGame game = RelayedGame.start(port, "turn", true)) {
                game.awaitReceived(10, DEADLINE_MILLIS);
                for (int upgrade = 1; upgrade <= UPGRADES; upgrade++) {
                    String answer = server.shellOutput("tavern:upgrade");
                    answer.lines().filter(line -> line.startsWith("Upgraded")).forEach(System.out::println); // the pause
                    assertTrue(answer.contains("Upgraded tavern.lobby") && answer.contains("3 connections carried over"),
                            "upgrade " + upgrade + ": " + answer);
                    game.awaitReceived(game.lastSent() + 10, DEADLINE_MILLIS); // the game goes on before the next one
                }
                game.stopAndCheckEverythingArrivedInOrder();
                // nobody left: checked before the players close their connections at the end
                String console = server.consoleText();
                console.lines().filter(line -> line.contains("handed over") || line.contains("taken over"))
                        .forEach(System.out::println);
                assertEquals(UPGRADES, console.lines().filter(line -> line.contains("Lobby state taken over: 3 connections"))
                        .count(), console);
                assertFalse(console.contains("host left") || console.contains("join left")
                        || console.contains("watcher left"), console);

                try (ProtocolClient late = ProtocolClient.loggedIn("late", port)) {
                    late.send("[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n");
                    Document history = awaitHistory(late);
                    List<String> speaks = history.root().children("turn").stream()
                            .map(turn -> turn.child("command")).filter(command -> command != null)
                            .map(command -> command.child("speak")).filter(speak -> speak != null)
                            .map(speak -> speak.text("message")).filter(text -> text.startsWith("turn "))
                            .toList();
                    assertEquals(game.lastSent(), speaks.size(), "every turn, from before and after the upgrade");
                    assertEquals("turn 1", speaks.get(0));
                }
            }
            assertEquals(143, server.terminate(Duration.ofSeconds(30)));
        }
    }

    @Test
    void aLobbyJarThatDoesNotStartIsRolledBackAndTheGameGoesOn() throws Exception {
        Path home = temp.resolve("home");
        Files.createDirectories(home.resolve("etc"));
        Path broken = brokenLobbyJar(temp.resolve("broken-lobby.jar"));
        try (ServerProcess server = ServerProcess.start(home, true, "-p", "0")) {
            server.awaitStarted();
            int port = server.awaitPort();
            try (RelayedGame game = RelayedGame.start(port, "turn", true)) {
                game.awaitReceived(10, DEADLINE_MILLIS);
                String answer = server.shellOutput("tavern:upgrade " + broken);
                List<String> lines = answer.lines().filter(line -> line.startsWith("Upgrade")).toList();
                lines.forEach(System.out::println);
                assertEquals(1, lines.size(), answer);
                assertTrue(lines.get(0).startsWith("Upgrade failed, rolled back: ") && lines.get(0).contains("NoSuchActivator")
                        && lines.get(0).endsWith("; 3 connections carried over"), answer);
                game.awaitReceived(game.lastSent() + 10, DEADLINE_MILLIS); // the same game goes on
                game.stopAndCheckEverythingArrivedInOrder();
                String console = server.consoleText();
                assertTrue(console.contains("Lobby state taken over: 3 connections carried over"), console);
                assertFalse(console.contains("host left") || console.contains("join left")
                        || console.contains("watcher left"), console);
            }
            assertEquals(143, server.terminate(Duration.ofSeconds(30)));
        }
    }

    @Test
    void aPluginFiltersBeforeAndAfterAnUpgradeWithoutTheOwnerDoingAnything() throws Exception {
        Path pluginJar = Path.of(System.getProperty("chatfilter.jar",
                "../plugins-examples/chat-filter/target/tavern.plugin.chatfilter-0.1.0-SNAPSHOT.jar"));
        assertTrue(Files.isRegularFile(pluginJar), "chat filter built at " + pluginJar.toAbsolutePath());
        Path home = temp.resolve("home");
        Files.createDirectories(home.resolve("etc"));
        Files.createDirectories(home.resolve("plugins"));
        Files.writeString(home.resolve("etc/tavern.lobby.cfg"), "max.messages=100000\n");
        Files.writeString(home.resolve("etc/tavern.plugin.chatfilter.cfg"), "banned.words=frak\nmax.messages=0\n");
        Files.copy(pluginJar, home.resolve("plugins/chat-filter.jar"));
        try (ServerProcess server = ServerProcess.start(home, true, "-p", "0")) {
            server.awaitStarted();
            int port = server.awaitPort();
            try (ProtocolClient alice = ProtocolClient.loggedIn("alice", port);
                    ProtocolClient bob = ProtocolClient.loggedIn("bob", port)) {
                LobbyChat.awaitDelivered(alice, bob, "frak it", "**** it", Duration.ofMillis(DEADLINE_MILLIS));
                String answer = server.shellOutput("tavern:upgrade");
                assertTrue(answer.contains("2 connections carried over"), answer);
                assertEquals("**** it", LobbyChat.say(alice, bob, "frak it"), "the new lobby has the filter at once");
                assertEquals("hello", LobbyChat.say(bob, alice, "hello"));
            }
            assertEquals(143, server.terminate(Duration.ofSeconds(30)));
        }
    }

    /**
     * The shell's own {@code update <id>} of the lobby bundle (which cannot even read the bundle's
     * location, and restarts it anyway) and a {@code stop}/{@code start} of it hand the lobby's
     * state over as {@code tavern:upgrade} does: the game goes on, the lobby chat goes on, nobody
     * is asked for his version again; while the lobby is stopped its state waits and an upgrade is
     * refused with the reason.
     */
    @Test
    void theShellsUpdateAndStopStartOfTheLobbyBundleDropNobody() throws Exception {
        Path home = temp.resolve("home");
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/tavern.lobby.cfg"), "max.messages=100000\n");
        try (ServerProcess server = ServerProcess.start(home, true, "-p", "0")) {
            server.awaitStarted();
            int port = server.awaitPort();
            Matcher lobbyLine = Pattern.compile("(?m)^\\s*(\\d+)\\|Active.*\\|tavern\\.lobby\\b")
                    .matcher(server.shellOutput("lb -s tavern.lobby"));
            assertTrue(lobbyLine.find(), "the lobby bundle listed");
            String id = lobbyLine.group(1);
            try (RelayedGame game = RelayedGame.start(port, "turn", true);
                    ProtocolClient alice = ProtocolClient.loggedIn("alice", port);
                    ProtocolClient bob = ProtocolClient.loggedIn("bob", port)) {
                game.awaitReceived(10, DEADLINE_MILLIS);
                server.shellOutput("update " + id);
                server.awaitConsole(t -> t.contains("Lobby state taken over: 5 connections carried over"),
                        Duration.ofMillis(DEADLINE_MILLIS), "the restarted lobby taking the state over");
                assertEquals("after update", LobbyChat.say(alice, bob, "after update"));
                game.awaitReceived(game.lastSent() + 10, DEADLINE_MILLIS);

                server.shellOutput("stop " + id);
                String refused = server.shellOutput("tavern:upgrade");
                assertTrue(refused.contains("Upgrade refused: tavern.lobby is stopped and its state waits for it: start it"
                        + " again first (start " + id + ")."), refused);
                alice.send("[message]\nmessage=\"while stopped\"\n[/message]\n"); // held by the transport meanwhile
                server.shellOutput("start " + id);
                server.awaitConsole(t -> t.split("Lobby state taken over: 5 connections carried over", -1).length == 3,
                        Duration.ofMillis(DEADLINE_MILLIS), "the started lobby taking the state over");
                alice.sync(); // the held line was handled before this query
                List<String> heard = new java.util.ArrayList<>();
                for (Document document : bob.sync()) {
                    Node message = document.root().child("message");
                    if (message != null && "alice".equals(message.attr("sender"))) {
                        heard.add(message.text("message"));
                    }
                }
                assertEquals(List.of("while stopped"), heard, "the line said while the lobby was stopped, once");
                assertEquals("and after start", LobbyChat.say(alice, bob, "and after start"));
                game.awaitReceived(game.lastSent() + 10, DEADLINE_MILLIS);
                game.stopAndCheckEverythingArrivedInOrder();
                for (ProtocolClient client : List.of(alice, bob, game.host, game.join, game.watcher)) {
                    for (Document document : client.sync()) {
                        assertTrue(document.root().child("version") == null && document.root().child("mustlogin") == null,
                                client.name + " was sent back to the handshake: " + document);
                    }
                }
                String console = server.consoleText();
                assertEquals(2, console.lines().filter(l -> l.contains("is stopping while the server runs on")).count(),
                        console);
                assertFalse(SOMEONE_LEFT.matcher(console).find(), console);
            }
            assertTrue(server.shellOutput("tavern:upgrade").contains("Upgraded tavern.lobby"),
                    "the unattended handovers ended: upgrades are allowed again");
            assertEquals(143, server.terminate(Duration.ofSeconds(30)));
        }
    }

    private static final Pattern SOMEONE_LEFT = Pattern.compile("(?m) - \\S+ left \\(");

    /**
     * An upgrade to another build of the lobby: its jar with another {@code Bundle-Version} and
     * another default message of the day (the component description's {@code motd} property, which
     * the lobby's settings read). The players stay connected and see the new build at once.
     */
    @Test
    void anUpgradeToAChangedBuildShowsAtOnceWhileEveryoneStaysConnected() throws Exception {
        Path home = temp.resolve("home");
        Files.createDirectories(home.resolve("etc"));
        String motd = "Welcome to the upgraded tavern";
        Path changed = lobbyJar(temp.resolve("changed-lobby.jar"), manifest -> manifest.getMainAttributes()
                .putValue("Bundle-Version", "0.1.1.upgraded"), (name, bytes) -> name.equals(LOBBY_SERVER_XML)
                        ? new String(bytes, StandardCharsets.UTF_8).replace("name=\"motd\" type=\"String\" value=\"\"",
                                "name=\"motd\" type=\"String\" value=\"" + motd + "\"").getBytes(StandardCharsets.UTF_8)
                        : bytes);
        try (ServerProcess server = ServerProcess.start(home, true, "-p", "0")) {
            server.awaitStarted();
            int port = server.awaitPort();
            try (RelayedGame game = RelayedGame.start(port, "turn", true);
                    ProtocolClient alice = ProtocolClient.loggedIn("alice", port)) {
                game.awaitReceived(10, DEADLINE_MILLIS);
                assertEquals("No message of the day set.", query(alice, "motd"));
                String answer = server.shellOutput("tavern:upgrade " + changed);
                assertTrue(answer.contains("Upgraded tavern.lobby 0.1.1.upgraded") && answer.contains("4 connections carried"
                        + " over"), answer);
                assertEquals("Message of the day:\n" + motd, query(alice, "motd"), "the new build, to a player of the old");
                game.awaitReceived(game.lastSent() + 10, DEADLINE_MILLIS);
                game.stopAndCheckEverythingArrivedInOrder();
                assertTrue(server.shellOutput("lb -s tavern.lobby").contains("0.1.1.upgraded"), "the framework runs it");
                assertTrue(server.shellOutput("tavern:upgrade").contains("Upgraded tavern.lobby 0.1.1.upgraded"),
                        "an upgrade without a jar keeps the build that runs");
                assertEquals("Message of the day:\n" + motd, query(alice, "motd"));
                assertFalse(SOMEONE_LEFT.matcher(server.consoleText()).find(), server.consoleText());
            }
            assertEquals(143, server.terminate(Duration.ofSeconds(30)));
        }
    }

    private static final String LOBBY_SERVER_XML = "OSGI-INF/org.tavern.lobby.internal.LobbyServer.xml";

    /** What {@code /query <what>} answers the player (the server's one info message before the sync answer). */
    private static String query(ProtocolClient player, String what) throws Exception {
        player.send("[query]\ntype=\"" + what + "\"\n[/query]\n");
        for (Document document : player.sync()) {
            Node message = document.root().child("message");
            if (message != null && "server".equals(message.attr("sender"))) {
                return message.text("message");
            }
        }
        throw new AssertionError("no answer to /query " + what);
    }

    /** The lobby jar tavern.jar holds, with a {@code Bundle-Activator} that does not exist: it cannot start. */
    private static Path brokenLobbyJar(Path target) throws Exception {
        return lobbyJar(target, manifest -> manifest.getMainAttributes().putValue("Bundle-Activator",
                "org.tavern.lobby.internal.NoSuchActivator"), (name, bytes) -> bytes);
    }

    /** The lobby jar tavern.jar holds, its manifest and entries changed as given. */
    private static Path lobbyJar(Path target, java.util.function.Consumer<Manifest> manifestChange,
            java.util.function.BiFunction<String, byte[], byte[]> entryChange) throws Exception {
        try (ZipFile distribution = new ZipFile(ServerProcess.tavernJar().toFile())) {
            ZipEntry lobby = distribution.stream().filter(e -> e.getName().startsWith("jar/tavern.lobby-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no lobby jar in tavern.jar"));
            try (JarInputStream in = new JarInputStream(distribution.getInputStream(lobby))) {
                Manifest manifest = in.getManifest();
                manifestChange.accept(manifest);
                try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
                    for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                        out.putNextEntry(new JarEntry(entry.getName()));
                        out.write(entryChange.apply(entry.getName(), in.readAllBytes()));
                        out.closeEntry();
                    }
                }
            }
        }
        return target;
    }

    /** The one document with the recorded turns, which a late observer gets (bounded wait). */
    private static Document awaitHistory(ProtocolClient late) throws Exception {
        long end = System.nanoTime() + Duration.ofMillis(DEADLINE_MILLIS).toNanos();
        while (System.nanoTime() < end) {
            for (Document document : late.sync()) {
                Node root = document.root();
                if (root.count("turn") > 1) {
                    return document;
                }
            }
        }
        throw new AssertionError("the late observer never got the history");
    }
}
