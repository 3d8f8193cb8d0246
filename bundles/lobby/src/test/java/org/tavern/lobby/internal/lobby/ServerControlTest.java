package org.tavern.lobby.internal.lobby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tavern.api.CommandIssuer;
import org.tavern.api.GameInfo;
import org.tavern.api.PlayerInfo;
import org.tavern.lobby.internal.LobbyAssembly;
import org.tavern.lobby.internal.LobbyDirectoryService;
import org.tavern.lobby.internal.ModeratorCommandService;
import org.tavern.lobby.internal.admin.KickCommand;
import org.tavern.lobby.internal.admin.ModeratorCommand;
import org.tavern.lobby.internal.admin.RestartCommand;
import org.tavern.lobby.internal.admin.ShutdownCommand;
import org.tavern.lobby.internal.command.CreateGameCommand;
import org.tavern.lobby.internal.common.ServerControl;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.lobby.internal.login.TorList;
import org.tavern.lobby.internal.testing.FakeConnection;
import org.tavern.wml.Document;

/**
 * shut_down, restart and connections_allowed, and the lobby as services (directory, admin commands),
 * driven synchronously with a recording stand-in for the process.
 */
class ServerControlTest {

    /** Records what the lobby asked of the process; scheduled tasks run when the test says. */
    static final class RecordingControl implements ServerControl {
        int stopAccepting;
        final List<Long> delays = new ArrayList<>();
        final List<Runnable> scheduled = new ArrayList<>();
        final List<String> started = new ArrayList<>();
        final List<String> exits = new ArrayList<>();

        @Override
        public void stopAccepting() {
            stopAccepting++;
        }

        @Override
        public void schedule(long delayMillis, Runnable task) {
            delays.add(delayMillis);
            scheduled.add(task);
        }

        @Override
        public void startNewServer(String command) {
            started.add(command);
        }

        @Override
        public void exit(String reason) {
            exits.add(reason);
        }

        void runScheduled() {
            List<Runnable> due = new ArrayList<>(scheduled);
            scheduled.clear();
            due.forEach(Runnable::run);
        }
    }

    private final Lobby lobby = LobbyAssembly.create(Runnable::run, () -> 1_000_000, Settings.defaults());
    private final RecordingControl control = new RecordingControl();

    ServerControlTest() {
        lobby.services().useServerControl(control);
    }

    private FakeConnection connect(String ip) {
        FakeConnection connection = new FakeConnection(ip);
        lobby.connected(connection);
        return connection;
    }

    private FakeConnection loggedIn(String name, String ip) throws Exception {
        FakeConnection connection = connect(ip);
        assertNotNull(connection.takeOne().root().child("version"));
        lobby.received(connection, Document.parse("[version]\nversion=\"1.16.9\"\n[/version]\n"));
        lobby.received(connection, Document.parse("[login]\nusername=\"" + name + "\"\n[/login]\n"));
        connection.take();
        return connection;
    }

    private String console(ModeratorCommand command, String arguments) throws Exception {
        return new ModeratorCommandService(lobby, command).execute(CommandIssuer.fromConsole(), arguments)
                .toCompletableFuture().get();
    }

    private static List<String> alerts(List<Document> documents) {
        List<String> texts = new ArrayList<>();
        for (Document document : documents) {
            if (document.root().child("message") != null
                    && "alert".equals(document.root().child("message").attr("type", ""))) {
                texts.add(document.root().child("message").text("message"));
            }
        }
        return texts;
    }

    @Test
    void gracefulShutdownWaitsForTheLastGameThenExits() throws Exception {
        FakeConnection host = loggedIn("host", "10.0.0.1");
        FakeConnection idler = loggedIn("idler", "10.0.0.2");
        lobby.received(host, Document.parse("[create_game]\nname=\"G\"\npassword=\"\"\n[/create_game]\n"));
        host.take();
        idler.take();

        assertEquals("Server is doing graceful shut down.", console(new ShutdownCommand(), ""));
        assertEquals(1, control.stopAccepting, "the listener closes at once");
        assertEquals(List.of(ShutdownCommand.SHUTDOWN_NOTICE), alerts(idler.take()));
        assertEquals(List.of(ShutdownCommand.SHUTDOWN_NOTICE), alerts(host.take()), "players in games hear it too");
        assertEquals(List.of(Shutdown.FIRST_CHECK_MILLIS), control.delays);

        control.runScheduled();
        assertTrue(control.exits.isEmpty(), "a game still runs");
        assertEquals(List.of(Shutdown.FIRST_CHECK_MILLIS, Shutdown.CHECK_INTERVAL_MILLIS), control.delays);

        lobby.disconnected(host, "gone");
        control.runScheduled();
        assertEquals(1, control.exits.size(), "no game left: the server exits");
        assertEquals(List.of(Shutdown.ALL_GAMES_ENDED), alerts(idler.take()));
    }

    @Test
    void noGameMayBeCreatedWhileShuttingDown() throws Exception {
        FakeConnection host = loggedIn("host", "10.0.0.1");
        console(new ShutdownCommand(), "");
        host.take();
        lobby.received(host, Document.parse("[create_game]\nname=\"G\"\npassword=\"\"\n[/create_game]\n"));
        List<Document> got = host.take();
        assertNotNull(got.get(0).root().child("leave_game"), got.toString());
        assertEquals(CreateGameCommand.SHUTTING_DOWN, got.get(1).root().child("message").text("message"));
        assertEquals("error", got.get(1).root().child("message").attr("type"));
        assertNotNull(got.get(2).root().child("gamelist"));
        assertEquals(0, lobby.gameCount());
    }

    @Test
    void shutDownNowExitsAtOnce() throws Exception {
        console(new ShutdownCommand(), "now");
        assertEquals(1, control.exits.size());
        assertEquals(0, control.stopAccepting);
    }

    @Test
    void moderatorsMayNotShutDownUnlessAllowed() throws Exception {
        ModeratorCommandService shutDown = new ModeratorCommandService(lobby, new ShutdownCommand());
        CommandIssuer moderator = CommandIssuer.player("mod", true);
        assertEquals(ShutdownCommand.NOT_ALLOWED, shutDown.execute(moderator, "").toCompletableFuture().get());
        assertEquals(0, control.stopAccepting);

        lobby.updateSettings(Settings.defaults().withShutdownPolicy(true, ""));
        assertEquals("Server is doing graceful shut down.", shutDown.execute(moderator, "").toCompletableFuture().get());
    }

    @Test
    void restartNeedsACommandThenStartsItAndShutsDownGracefully() throws Exception {
        FakeConnection player = loggedIn("someone", "10.0.0.1");
        assertEquals("No restart_command configured! Not restarting.", console(new RestartCommand(), ""));
        assertTrue(control.started.isEmpty());

        lobby.updateSettings(Settings.defaults().withShutdownPolicy(false, "/usr/bin/true"));
        player.take();
        assertEquals("New server started.", console(new RestartCommand(), ""));
        assertEquals(List.of("/usr/bin/true"), control.started);
        assertEquals(1, control.stopAccepting);
        List<Document> told = player.take();
        assertEquals(List.of(RestartCommand.RESTART_NOTICE), alerts(told), told.toString());
        control.runScheduled();
        assertEquals(1, control.exits.size());
    }

    @Test
    void connectionsAllowedCountsLoggedInPlayersOfTheAddress() throws Exception {
        lobby.updateSettings(Settings.defaults().withConnectionsAllowed(2));
        loggedIn("one", "10.0.0.1");
        loggedIn("two", "10.0.0.1");

        FakeConnection third = connect("10.0.0.1");
        assertEquals("Too many connections from your IP.", third.takeOne().root().child("error").attr("message"));
        assertNotNull(third.closedBecause);

        FakeConnection elsewhere = connect("10.0.0.2");
        assertNotNull(elsewhere.takeOne().root().child("version"), "other addresses are not counted");
        FakeConnection stillLoggingIn = connect("10.0.0.2");
        assertNotNull(stillLoggingIn.takeOne().root().child("version"), "connections not logged in do not count");
        assertNull(stillLoggingIn.closedBecause);
    }

    @Test
    void directoryAnswersWithSnapshotsOfPlayersAndGames() throws Exception {
        FakeConnection host = loggedIn("host", "10.0.0.1");
        loggedIn("idler", "10.0.0.2");
        lobby.received(host, Document.parse("[create_game]\nname=\"Duel\"\npassword=\"\"\n[/create_game]\n"));
        LobbyDirectoryService directory = new LobbyDirectoryService(lobby);

        List<PlayerInfo> players = directory.players().toCompletableFuture().get();
        assertEquals(List.of("host", "idler"), players.stream().map(PlayerInfo::name).toList());
        assertEquals("playing", players.get(0).status());
        assertEquals(1, players.get(0).gameId());
        assertEquals("10.0.0.2", players.get(1).address());
        assertEquals("lobby", players.get(1).status());

        List<GameInfo> games = directory.games().toCompletableFuture().get();
        assertEquals(1, games.size());
        assertEquals("Duel", games.get(0).name());
        assertEquals("host", games.get(0).host());
        assertEquals(List.of("host"), games.get(0).players());
        assertTrue(directory.game(2).toCompletableFuture().get().isEmpty());
        assertTrue(directory.player("nobody").toCompletableFuture().get().isEmpty());
        assertTrue(directory.lobbyDocument().toCompletableFuture().get().contains("name=\"idler\""));
    }

    @Test
    void consoleCommandsActWithTheConsolesName() throws Exception {
        FakeConnection victim = loggedIn("victim", "10.0.0.9");
        String answer = console(new KickCommand(), "victim");
        assertEquals("Kicked victim (10.0.0.9). 'You have been kicked.'", answer);
        assertNotNull(victim.closedBecause);
        assertTrue(victim.closedBecause.contains(CommandIssuer.CONSOLE_NAME), victim.closedBecause);
        assertEquals(0, lobby.userCount());
    }

    @Test
    void torAddressesAreRefusedAsWesnothdRefusesThem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path list = dir.resolve("tor.txt");
        java.nio.file.Files.writeString(list, "# exit nodes\n10.6.6.6\n\n 10.6.6.7 \n");
        lobby.useTorAddresses(TorList.read(list.toString()));
        FakeConnection tor = connect("10.6.6.7");
        assertEquals("You are banned. Reason: TOR IP", tor.takeOne().root().child("error").attr("message"));
        assertNotNull(tor.closedBecause);
        assertNotNull(connect("10.6.6.8").takeOne().root().child("version"));
        assertTrue(TorList.read(dir.resolve("missing.txt").toString()).isEmpty(), "an unreadable list refuses nobody");
    }

    @Test
    void aLanServerExitsOnceTheLastPlayerHasBeenGoneLongEnough() throws Exception {
        lobby.updateSettings(Settings.defaults().withLanServer(30));
        FakeConnection only = loggedIn("only", "10.0.0.1");
        lobby.disconnected(only, "gone");
        assertEquals(List.of(30_000L), control.delays);
        FakeConnection back = loggedIn("back", "10.0.0.1");
        control.runScheduled();
        assertTrue(control.exits.isEmpty(), "someone came back in time");
        lobby.disconnected(back, "gone");
        control.runScheduled();
        assertEquals(1, control.exits.size());
    }
}
