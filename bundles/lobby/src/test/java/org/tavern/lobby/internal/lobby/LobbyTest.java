package org.tavern.lobby.internal.lobby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tavern.lobby.internal.LobbyAssembly;
import org.tavern.lobby.internal.command.LobbyChatCommand;
import org.tavern.lobby.internal.common.ServerMessages;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.lobby.internal.login.ClientVersion;
import org.tavern.lobby.internal.query.PlayerQuery;
import org.tavern.lobby.internal.testing.FakeConnection;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** The lobby protocol, driven synchronously (the actor runs each task at once). */
class LobbyTest {

    private long now = 1_000_000;
    private final Lobby lobby = LobbyAssembly.create(Runnable::run, () -> now, Settings.defaults());

    private static Document wml(String text) throws Exception {
        return Document.parse(text);
    }

    private FakeConnection connect() {
        FakeConnection connection = new FakeConnection("127.0.0.1");
        lobby.connected(connection);
        assertNotNull(connection.takeOne().root().child("version"), "the server asks for the version first");
        return connection;
    }

    private FakeConnection loggedIn(String name) throws Exception {
        FakeConnection connection = connect();
        lobby.received(connection, wml("[version]\n\tversion=\"1.16.9\"\n[/version]\n"));
        assertNotNull(connection.takeOne().root().child("mustlogin"));
        lobby.received(connection, wml("[login]\n\tusername=\"" + name + "\"\n[/login]\n"));
        List<Document> welcome = connection.take();
        assertNotNull(welcome.get(0).root().child("join_lobby"), welcome.toString());
        return connection;
    }

    private static Node error(Document document) {
        return document.root().child("error");
    }

    @Test
    void acceptedVersionGetsMustloginAndOthersAreRejected() throws Exception {
        FakeConnection ok = connect();
        lobby.received(ok, wml("[version]\nversion=1.16.3\n[/version]\n"));
        assertNotNull(ok.takeOne().root().child("mustlogin"));

        FakeConnection old = connect();
        lobby.received(old, wml("[version]\nversion=1.14.7\n[/version]\n"));
        Document reject = old.takeOne();
        assertEquals("1.16.*", reject.root().attr("version"));
        assertEquals("1.16.*,1.18.*,test", reject.root().child("reject").attr("accepted_versions"));
        assertNotNull(old.closedBecause);

        FakeConnection rude = connect();
        lobby.received(rude, wml("[login]\nusername=x\n[/login]\n"));
        assertTrue(rude.take().isEmpty());
        assertNotNull(rude.closedBecause, "a first document without [version] closes silently");
    }

    @Test
    void matchingOldVersionsAreRedirectedWithEveryAttribute() throws Exception {
        lobby.updateSettings(Settings.defaults().withVersionPolicy("",
                Settings.redirects(new String[] {"host=old.example.org;port=14999;version=1.14.*,1.12*"})));
        FakeConnection old = connect();
        lobby.received(old, wml("[version]\nversion=1.12.6\n[/version]\n"));
        Node redirect = old.takeOne().root().child("redirect");
        assertEquals("old.example.org", redirect.attr("host"));
        assertEquals("14999", redirect.attr("port"));
        assertEquals("1.14.*,1.12*", redirect.attr("version"));
        assertNotNull(old.closedBecause);
        FakeConnection odd = connect();
        lobby.received(odd, wml("[version]\nversion=1.10.0\n[/version]\n"));
        assertNotNull(odd.takeOne().root().child("reject"), "not matched by a redirect: rejected");
    }

    @Test
    void olderClientsAreAlerted() throws Exception {
        lobby.updateSettings(Settings.defaults().withVersionPolicy("1.16.10", List.of()));
        FakeConnection c = connect();
        lobby.received(c, wml("[version]\nversion=test\n[/version]\n"));
        c.take();
        lobby.received(c, wml("[login]\nusername=tester\n[/login]\n"));
        List<Document> welcome = c.take();
        assertEquals(6, welcome.size());
        assertTrue(welcome.get(4).root().child("message").text("message")
                .startsWith("You are using version test which has known security issues"));
        assertEquals("A newer Wesnoth version, 1.16.10, is out!", welcome.get(5).root().child("message").text("message"));
        assertEquals("alert", welcome.get(5).root().child("message").attr("type"));
        assertTrue(ClientVersion.compare("1.16.9", "1.16.10") < 0);
        assertEquals(0, ClientVersion.compare("1.16.9", "1.16.9"));
        assertTrue(ClientVersion.compare("1.14.4", "1.14.3") > 0);
    }

    @Test
    void loginIsCheckedInWesnothdsOrderAndMayBeRetried() throws Exception {
        loggedIn("taken");
        FakeConnection c = connect();
        lobby.received(c, wml("[version]\nversion=1.16.9\n[/version]\n"));
        c.take();
        String[][] cases = {
            {"[message]\n[/message]\n", "100", "You must login first."},
            {"[login]\nusername=\"\"\n[/login]\n", "102", null},
            {"[login]\nusername=\"a b\"\n[/login]\n", "102",
                "The nickname 'a b' contains invalid characters. Only alpha-numeric characters, underscores and "
                + "hyphens are allowed."},
            {"[login]\nusername=\"dot.ted\"\n[/login]\n", "102", null},
            {"[login]\nusername=\"héllo\"\n[/login]\n", "102", null},
            {"[login]\nusername=\"abcdefghijklmnopqrstu\"\n[/login]\n", "103",
                "The nickname 'abcdefghijklmnopqrstu' is too long. Nicks must be 20 characters or less."},
            {"[login]\nusername=\"SuperAdmin\"\n[/login]\n", "104",
                "The nickname 'SuperAdmin' is reserved and cannot be used by players"},
            {"[login]\nusername=\"AI7\"\n[/login]\n", "104", null},
            {"[login]\nusername=\"taken\"\n[/login]\n", "101", "The nickname 'taken' is already taken."},
        };
        for (String[] attempt : cases) {
            lobby.received(c, wml(attempt[0]));
            Node error = error(c.takeOne());
            assertEquals(attempt[1], error.attr("error_code"), attempt[0]);
            if (attempt[2] != null) {
                assertEquals(attempt[2], error.text("message"));
            }
        }
        assertNull(c.closedBecause, "the client may try again on the same connection");
        // each refusal is counted under the code it was answered with (for /metrics)
        assertEquals(java.util.Map.of("100", 1L, "101", 1L, "102", 4L, "103", 1L, "104", 2L),
                lobby.services().counters().read().loginsRefused());
        lobby.received(c, wml("[login]\nusername=\"abcdefghijklmnopqrst\"\n[/login]\n"));
        assertNotNull(c.take().get(0).root().child("join_lobby"), "20 characters are allowed");
        FakeConnection other = connect();
        lobby.received(other, wml("[version]\nversion=1.16.9\n[/version]\n"));
        lobby.received(other, wml("[login]\nusername=\"Taken\"\n[/login]\n"));
        assertNotNull(other.take().get(1).root().child("join_lobby"), "names are case-sensitive");
    }

    @Test
    void welcomeIsJoinLobbyThenTheListThenTheServerMessages() throws Exception {
        lobby.updateSettings(Settings.defaults().withMotd("Be nice"));
        FakeConnection c = connect();
        lobby.received(c, wml("[version]\nversion=1.16.9\n[/version]\n"));
        c.take();
        lobby.received(c, wml("[login]\nusername=alice\n[/login]\n"));
        List<Document> welcome = c.take();
        assertEquals(5, welcome.size(), welcome.toString());
        Node join = welcome.get(0).root().child("join_lobby");
        assertEquals("no", join.attr("is_moderator"));
        assertEquals("https://r.wesnoth.org/u", join.attr("profile_url_prefix"));
        Node list = welcome.get(1).root();
        assertNotNull(list.child("gamelist"));
        assertEquals("alice", list.child("user").attr("name"));
        assertEquals("lobby", list.child("user").attr("status"));
        assertEquals("Be nice\n", welcome.get(2).root().child("message").text("message"));
        assertEquals("motd", welcome.get(2).root().child("message").attr("type"));
        assertEquals("server_info", welcome.get(3).root().child("message").attr("type"));
        assertEquals("announcements", welcome.get(4).root().child("message").attr("type"));
    }

    @Test
    void loginsAndLogoutsReachTheLobbyAsListDiffs() throws Exception {
        FakeConnection alice = loggedIn("alice");
        FakeConnection bob = loggedIn("bob");
        Node insert = alice.takeOne().root().child("gamelist_diff").child("insert_child");
        assertEquals("1", insert.attr("index"));
        assertEquals("bob", insert.child("user").attr("name"));
        FakeConnection carol = loggedIn("carol");
        alice.take();
        bob.take();

        lobby.disconnected(bob, "gone");
        Node delete = alice.takeOne().root().child("gamelist_diff").child("delete_child");
        assertEquals("1", delete.attr("index"));
        assertNotNull(delete.child("user"));
        assertEquals(1, carol.take().size());

        lobby.received(carol, wml("[refresh_lobby]\n[/refresh_lobby]\n"));
        List<Node> users = carol.takeOne().root().children("user");
        assertEquals(List.of("alice", "carol"), users.stream().map(u -> u.attr("name")).toList());
    }

    @Test
    void theFullListIsEncodedOncePerChange() throws Exception {
        FakeConnection alice = loggedIn("alice");
        FakeConnection bob = loggedIn("bob");
        alice.take();
        lobby.received(alice, wml("[refresh_lobby]\n[/refresh_lobby]\n"));
        lobby.received(bob, wml("[refresh_lobby]\n[/refresh_lobby]\n"));
        assertSame(alice.frames.get(alice.frames.size() - 1), bob.frames.get(bob.frames.size() - 1));
    }

    @Test
    void lobbyChatIsRelayedToOthersWithTheRealSender() throws Exception {
        FakeConnection alice = loggedIn("alice");
        FakeConnection bob = loggedIn("bob");
        alice.take();
        lobby.received(alice, wml("[message]\n\tmessage=\"hi \"\"all\"\"\"\n\troom=\"lobby\"\n\tsender=\"mallory\"\n[/message]\n"));
        assertTrue(alice.take().isEmpty(), "not echoed to the sender");
        Node message = bob.takeOne().root().child("message");
        assertEquals("alice", message.attr("sender"));
        assertEquals("hi \"\"all\"\"", message.attr("message"), "raw value relayed as received");
        assertEquals("lobby", message.attr("room"), "other attributes kept");

        lobby.received(alice, wml("[message]\nmessage=\"" + "x".repeat(300) + "\"\n[/message]\n"));
        assertEquals(256, bob.takeOne().root().child("message").attr("message").length());
    }

    @Test
    void floodControlRefusesTheFifthMessageInTenSeconds() throws Exception {
        FakeConnection alice = loggedIn("alice");
        FakeConnection bob = loggedIn("bob");
        alice.take();
        for (int i = 1; i <= 4; i++) {
            lobby.received(alice, wml("[message]\nmessage=m" + i + "\n[/message]\n"));
            now += 1000;
        }
        assertEquals(4, bob.take().size());
        lobby.received(alice, wml("[message]\nmessage=m5\n[/message]\n"));
        assertTrue(bob.take().isEmpty());
        Node warning = alice.takeOne().root().child("message");
        assertEquals(LobbyChatCommand.FLOOD_WARNING, warning.attr("message"));
        assertEquals("error", warning.attr("type"));
        now += 10_000;
        lobby.received(alice, wml("[message]\nmessage=m6\n[/message]\n"));
        assertEquals(1, bob.take().size(), "a new window opens after the period");
    }

    @Test
    void whispersAndTheirErrors() throws Exception {
        FakeConnection alice = loggedIn("alice");
        FakeConnection bob = loggedIn("bob");
        alice.take();
        lobby.received(alice, wml("[whisper]\nmessage=psst\nreceiver=bob\nsender=mallory\n[/whisper]\n"));
        Node whisper = bob.takeOne().root().child("whisper");
        assertEquals("alice", whisper.attr("sender"));
        assertEquals("psst", whisper.attr("message"));
        assertEquals("bob", whisper.attr("receiver"));

        lobby.received(alice, wml("[whisper]\nreceiver=bob\n[/whisper]\n"));
        assertEquals("Invalid number of arguments", alice.takeOne().root().child("message").attr("message"));
        lobby.received(alice, wml("[whisper]\nmessage=x\nreceiver=nobody\n[/whisper]\n"));
        Node notFound = alice.takeOne().root().child("message");
        assertEquals("Can't find 'nobody'.", notFound.text("message"));
        assertEquals("error", notFound.attr("type"));
    }

    @Test
    void onlyTheFirstMatchingRequestOfADocumentIsHandled() throws Exception {
        FakeConnection alice = loggedIn("alice");
        FakeConnection bob = loggedIn("bob");
        alice.take();
        lobby.received(alice, wml("[query]\ntype=help\n[/query]\n[whisper]\nmessage=w\nreceiver=bob\n[/whisper]\n"));
        assertEquals(1, bob.take().size(), "the whisper was handled");
        assertTrue(alice.take().isEmpty(), "the query was not");
    }

    @Test
    void playerQueries() throws Exception {
        FakeConnection alice = loggedIn("alice");
        lobby.received(alice, wml("[query]\ntype=help\n[/query]\n"));
        Node help = alice.takeOne().root().child("message");
        assertEquals(PlayerQuery.HELP, help.attr("message"));
        assertEquals("info", help.attr("type"));
        lobby.received(alice, wml("[query]\ntype=\"stats\"\n[/query]\n"));
        assertEquals("Number of games = 0\nTotal number of users = 1", alice.takeOne().root().child("message").text("message"));
        lobby.received(alice, wml("[query]\ntype=\"roll 6\"\n[/query]\n"));
        assertTrue(alice.takeOne().root().child("message").text("message")
                .matches("You rolled a die \\[1 - 6\\] and got a [1-6]\\. \\(The result is shown to others only in a game\\.\\)"));
        lobby.received(alice, wml("[query]\ntype=\"admin secret\"\n[/query]\n"));
        Node noPassword = alice.takeOne().root().child("message");
        assertEquals("No password set.", noPassword.attr("message"));
        assertEquals("error", noPassword.attr("type"));
        lobby.received(alice, wml("[query]\ntype=\"frobnicate\"\n[/query]\n"));
        assertEquals("Error: unrecognized query: 'frobnicate'\n" + PlayerQuery.HELP,
                alice.takeOne().root().child("message").text("message"));
        lobby.received(alice, wml("[nickserv]\n[/nickserv]\n"));
        assertEquals("This server does not allow username registration.",
                alice.takeOne().root().child("message").attr("message"));
    }

    private String query(FakeConnection connection, String type) throws Exception {
        lobby.received(connection, wml("[query]\ntype=\"" + type + "\"\n[/query]\n"));
        Node message = connection.takeOne().root().child("message");
        assertEquals("server", message.attr("sender"));
        return message.text("message");
    }

    @Test
    void everyPlayerQueryAnswersAsWesnothdDoes() throws Exception {
        lobby.updateSettings(Settings.defaults().withPassword("secret"));
        FakeConnection dave = loggedIn("dave");
        now += 65_000;
        assertEquals("STATUS REPORT for 'dave'\n'dave' @ 127.0.0.1 logged on for 0 hours, 1 minutes",
                query(dave, "status"));
        assertEquals(query(dave, "status"), query(dave, "status dave"));
        assertTrue(query(dave, "status other").startsWith("Error: unrecognized query: 'status other'\n"));
        assertEquals("No game ended so far.", query(dave, "games"));
        assertTrue(query(dave, "metrics").matches("METRICS\nUp 0 days, 0 hours, 1 minutes, 5 seconds\n"
                + "\\d+ requests serviced\\. \\d+ \\(100%\\) requests were serviced immediately\\.\n"
                + "longest burst of requests was: 0"));
        assertEquals("", query(dave, "requests"));
        assertEquals("Current sample frequency: 1", query(dave, "sample"));
        assertEquals("Server version is 1.16.9", query(dave, "version"));
        assertEquals("Player dave is using wesnoth 1.16.9", query(dave, "version dave"));
        assertEquals("Player 'zed' not found.", query(dave, "version zed"));
        assertEquals("The die cannot have less than 1 side!", query(dave, "roll 0"));
        assertEquals("The number of die sides must be a number!", query(dave, "roll x"));
        assertEquals("The number of sides is too big for the die!", query(dave, "roll 99999999999"));
        assertEquals(PlayerQuery.HELP, query(dave, ""));
        assertTrue(query(dave, "wml").startsWith("Lobby list: 1 users"));
        assertEquals("Your report has been logged and sent to the server administrators. Thanks!",
                query(dave, "adminmsg help me"));

        FakeConnection mod = loggedIn("mod");
        dave.take();
        assertEquals("Error: wrong password", query(mod, "admin wrong"));
        assertEquals("You are now recognized as an administrator.", query(mod, "admin secret"));
        assertEquals("Your report has been logged and sent to the server administrators. Thanks!",
                query(dave, "report the map is broken"));
        Node whisper = mod.takeOne().root().child("whisper");
        assertEquals("admin message from dave", whisper.attr("sender"));
        assertEquals("the map is broken", whisper.attr("message"));
        assertEquals("You are no longer recognized as an administrator.", query(mod, "signout"));
    }

    @Test
    void aLevelWithoutMultiplayerAbortsTheGame() throws Exception {
        FakeConnection host = loggedIn("host");
        FakeConnection watcher = loggedIn("watcher");
        host.take();
        lobby.received(host, wml("[create_game]\nname=\"G\"\npassword=\"\"\n[/create_game]\n"));
        lobby.received(host, wml("[scenario]\nid=x\n[side]\nside=1\n[/side]\n[/scenario]\n"));
        List<Document> got = host.take();
        assertNotNull(got.get(0).root().child("leave_game"), got.toString());
        assertNotNull(got.get(1).root().child("gamelist"));
        assertEquals("The scenario data is missing the [multiplayer] tag which contains the game settings. "
                + "Game aborted.", got.get(2).root().child("message").text("message"));
        assertEquals(0, lobby.gameCount());
        for (Document seen : watcher.take()) {
            assertNull(seen.root().child("gamelist_diff").child("change_child"),
                    "the lobby never hears of a game that was never shown: " + seen);
        }
    }

    @Test
    void rawTruncationNeverSplitsAnEscapedQuote() {
        String raw = "a".repeat(255) + "\"\"tail";
        String cut = ServerMessages.truncateRaw(raw);
        assertEquals("a".repeat(255), cut);
        assertEquals("short", ServerMessages.truncateRaw("short"));
    }
}
