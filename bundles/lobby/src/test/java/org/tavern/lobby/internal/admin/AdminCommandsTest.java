package org.tavern.lobby.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tavern.api.CommandIssuer;
import org.tavern.lobby.internal.LobbyAssembly;
import org.tavern.lobby.internal.ModeratorCommandService;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.lobby.internal.lobby.Lobby;
import org.tavern.lobby.internal.query.GamesQuery;
import org.tavern.lobby.internal.query.StatsQuery;
import org.tavern.lobby.internal.testing.FakeConnection;
import org.tavern.lobby.internal.testing.LobbyDriver;
import org.tavern.wml.Document;

/** The administrator commands beyond kick and ban, run as the console and as a moderator would. */
class AdminCommandsTest {

    private long now = 1_700_000_000_000L;
    private final Lobby lobby = LobbyAssembly.create(Runnable::run, () -> now, Settings.defaults());

    private FakeConnection loggedIn(String name, String ip) throws Exception {
        return new LobbyDriver(lobby).loggedIn(name, ip);
    }

    private String console(ModeratorCommand command, String arguments) throws Exception {
        return new ModeratorCommandService(lobby, command).execute(CommandIssuer.fromConsole(), arguments)
                .toCompletableFuture().get();
    }

    private String moderator(ModeratorCommand command, String arguments) throws Exception {
        return new ModeratorCommandService(lobby, command).execute(CommandIssuer.player("mod", true), arguments)
                .toCompletableFuture().get();
    }

    @Test
    void clonesListsPlayersSharingAnAddress() throws Exception {
        assertEquals("CLONES STATUS REPORT\nNo clones found.", console(new ClonesCommand(), ""));
        loggedIn("a", "10.0.0.1");
        loggedIn("b", "10.0.0.2");
        loggedIn("c", "10.0.0.1");
        assertEquals("CLONES STATUS REPORT\n'a' @ 10.0.0.1 logged on for expired\n'c' @ 10.0.0.1 logged on for expired",
                console(new ClonesCommand(), ""));
    }

    @Test
    void searchlogRemembersWhoLeftAndIsBounded() throws Exception {
        FakeConnection gone = loggedIn("Gone", "10.0.0.7");
        loggedIn("stays", "10.0.0.8");
        now += 5_000;
        lobby.disconnected(gone, "bye");
        String report = console(new SearchLogCommand(), "gone");
        assertTrue(report.startsWith("IP/NICK LOG for 'gone'\n'Gone' @ 10.0.0.7 last seen: "), report);
        assertTrue(report.matches("(?s).*last seen: \\d\\d:\\d\\d:\\d\\d \\d\\d\\.\\d\\d\\.\\d{4}"), report);
        assertEquals("IP/NICK LOG for '10.0.0.8'\n'stays' @ 10.0.0.8 logged on for 5 seconds",
                console(new SearchLogCommand(), "10.0.0.8"));
        assertEquals("IP/NICK LOG for 'x'\nNo match found.", console(new SearchLogCommand(), "x"));
        assertEquals("You must enter a mask to search for.", console(new SearchLogCommand(), ""));
        assertEquals("STATUS REPORT for 'Gone'IP/NICK LOG for 'Gone'\n'Gone' @ 10.0.0.7 last seen: "
                + report.substring(report.indexOf("last seen: ") + 11), console(new AdminStatusCommand(), "Gone"));

        lobby.updateSettings(Settings.defaults().withMaxIpLogSize(1));
        assertEquals("IP/NICK LOG for 'gone'\nNo match found.", console(new SearchLogCommand(), "gone"),
                "only the newest login is kept");
    }

    @Test
    void groupBansAreListedByGroupAndLiftedTogether() throws Exception {
        assertTrue(console(new GroupBanCommand(), "10.1.*").startsWith("ban <mask> <time> <reason>"));
        assertTrue(console(new GroupBanCommand(), "10.1.* g1").startsWith("ban <mask> <time> <reason>"),
                "wesnothd drops the connection here; the help is the answer");
        assertEquals("You need to give a reason for the ban.", console(new GroupBanCommand(), "10.1.* g1 1h"));
        assertTrue(console(new GroupBanCommand(), "10.1.* g1 1h spam").startsWith("IP: 10.1.*  reason: 'spam'"));
        console(new GroupBanCommand(), "10.2.* g2 1h spam");
        console(new BanCommand(false), "10.3.3.3 1h plain");
        String bans = console(new BansCommand(), "");
        assertTrue(bans.startsWith("BAN LIST\nIP: 10.3.3.3  reason: 'plain'"), bans);
        assertTrue(bans.endsWith("\nban groups: g1, g2"), bans);
        assertEquals("BAN LIST", console(new BansCommand(), "10.9.*"), "bans exist, none matches");
        assertEquals("Removed 1 bans", console(new UngroupBanCommand(), "g1"));
        assertEquals("Removed 0 bans", console(new UngroupBanCommand(), "g1"));
        assertEquals("You must enter an ipmask to ungban.", console(new UngroupBanCommand(), ""));
        assertEquals("No removed bans found.", console(new BansCommand(), "deleted"), "ungban does not keep them");
        FakeConnection refused = new FakeConnection("10.2.0.1");
        lobby.connected(refused);
        assertTrue(refused.takeOne().root().child("error").attr("message").startsWith("You are banned. Reason: spam"));
    }

    @Test
    void stopgameSendsTheMembersBackWithTheReasonBeforeAnswering() throws Exception {
        FakeConnection host = loggedIn("host", "10.0.0.1");
        lobby.received(host, Document.parse("[create_game]\nname=\"Long\"\npassword=\"\"\n[/create_game]\n"));
        host.take();
        assertEquals("Player 'nobody' is not currently logged in.", console(new StopGameCommand(), "nobody"));
        loggedIn("idle", "10.0.0.2");
        assertEquals("Player 'idle' is not currently in a game.", console(new StopGameCommand(), "idle"));
        assertEquals("Player 'host' is in game with id '1, 1' named 'Long'.  Ending game for reason: 'enough'...",
                console(new StopGameCommand(), "host enough"));
        List<Document> got = host.take();
        int leave = 0;
        while (leave < got.size() && got.get(leave).root().child("leave_game") == null) {
            leave++; // the notice of idle's login came first
        }
        assertEquals("enough", got.get(leave).root().child("leave_game").attr("reason"), got.toString());
        assertNotNull(got.get(leave + 1).root().child("gamelist"));
        assertEquals(0, lobby.gameCount());
    }

    @Test
    void sampleIsSetOnlyFromTheConsole() throws Exception {
        assertEquals("You're not allowed to execute this command.", moderator(new SampleCommand(), "5"));
        assertEquals("Sampling every 5 requests.", console(new SampleCommand(), "5"));
        assertEquals("Current sample frequency: 5", moderator(new SampleCommand(), ""));
        assertEquals("Sampling turned off.", console(new SampleCommand(), "0"));
    }

    @Test
    void adminmsgFromTheConsoleReachesEveryModerator() throws Exception {
        FakeConnection moderator = loggedIn("mod", "10.0.0.1");
        FakeConnection player = loggedIn("pat", "10.0.0.2");
        lobby.setModerator(lobby.user("mod"), true);
        moderator.take();
        assertEquals("Your report has been logged and sent to the server administrators. Thanks!",
                console(new AdminMessageCommand(), "disk almost full"));
        Document whisper = moderator.takeOne();
        assertEquals("admin message from *socket*", whisper.root().child("whisper").attr("sender"));
        assertTrue(player.take().isEmpty());
    }

    @Test
    void playerQueriesAnswerTheConsoleToo() throws Exception {
        assertEquals("Number of games = 0\nTotal number of users = 0",
                console(new ConsoleQueryCommand(new StatsQuery(), "stats"), ""));
        assertEquals("No game ended so far.", console(new ConsoleQueryCommand(new GamesQuery(), "games"), ""));
    }

    /** A plugin's command as a test double: answers with what it was given, or fails. */
    private static org.tavern.api.AdminCommand pluginCommand(String name, org.tavern.api.Permission permission,
            boolean fails) {
        return new org.tavern.api.AdminCommand() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String usage() {
                return name + " <text>";
            }

            @Override
            public org.tavern.api.Permission permission() {
                return permission;
            }

            @Override
            public java.util.concurrent.CompletionStage<String> execute(CommandIssuer issuer, String arguments) {
                if (fails) {
                    throw new IllegalStateException("plugin bug");
                }
                return java.util.concurrent.CompletableFuture.completedFuture(issuer.name() + " said " + arguments);
            }
        };
    }

    private static String queryReply(FakeConnection connection, Lobby lobby, String query) throws Exception {
        lobby.received(connection, Document.parse("[query]\ntype=\"" + query + "\"\n[/query]\n"));
        return connection.takeOne().root().child("message").text("message");
    }

    @Test
    void pluginCommandsAnswerThroughQueryForThoseTheirPermissionAllows() throws Exception {
        lobby.pluginCommands().add(pluginCommand("echo", org.tavern.api.Permission.EVERYONE, false));
        lobby.pluginCommands().add(pluginCommand("secret", org.tavern.api.Permission.MODERATOR, false));
        lobby.pluginCommands().add(pluginCommand("halt", org.tavern.api.Permission.CONSOLE, false));
        lobby.pluginCommands().add(pluginCommand("broken", org.tavern.api.Permission.EVERYONE, true));
        FakeConnection player = loggedIn("pat", "10.0.0.2");
        FakeConnection moderator = loggedIn("mod", "10.0.0.1");
        lobby.setModerator(lobby.user("mod"), true);
        player.take(); // mod's login

        assertEquals("pat said hello there", queryReply(player, lobby, "echo hello there"));
        assertTrue(queryReply(player, lobby, "secret x").startsWith("Error: unrecognized query: 'secret x'"),
                "a moderator's command is unknown to players");
        assertEquals("mod said x", queryReply(moderator, lobby, "secret x"));
        assertEquals("You're not allowed to execute this command.", queryReply(moderator, lobby, "halt"));
        assertEquals("Command 'broken' failed.", queryReply(player, lobby, "broken"));
        assertTrue(queryReply(player, lobby, "help").endsWith("\nPlugin commands: broken <text>, echo <text>"));
        assertTrue(queryReply(moderator, lobby, "help").endsWith(
                "\nPlugin commands: broken <text>, echo <text>, secret <text>"));
    }

    @Test
    void theServersOwnExtraCommandsAnswerButAreNotListedAsPluginCommands() throws Exception {
        lobby.pluginCommands().add(pluginCommand("register", org.tavern.api.Permission.MODERATOR, false), false);
        FakeConnection moderator = loggedIn("mod", "10.0.0.1");
        lobby.setModerator(lobby.user("mod"), true);

        assertEquals("mod said alice", queryReply(moderator, lobby, "register alice"));
        String unknown = queryReply(moderator, lobby, "frobnicate");
        assertTrue(unknown.startsWith("Command 'frobnicate' is not recognized."), unknown);
        assertFalse(unknown.contains("Plugin commands"), "wesnothd's reply, word for word: " + unknown);

        lobby.pluginCommands().add(pluginCommand("echo", org.tavern.api.Permission.EVERYONE, false));
        assertTrue(queryReply(moderator, lobby, "frobnicate").endsWith("\nPlugin commands: echo <text>"));
    }
}
