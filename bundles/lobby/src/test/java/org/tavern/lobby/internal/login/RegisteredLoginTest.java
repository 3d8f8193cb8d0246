package org.tavern.lobby.internal.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tavern.lobby.internal.LobbyAssembly;
import org.tavern.lobby.internal.ban.BanList;
import org.tavern.lobby.internal.command.NickservCommand;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.lobby.internal.lobby.Lobby;
import org.tavern.lobby.internal.testing.FakeAccounts;
import org.tavern.lobby.internal.testing.FakeConnection;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * Logins of registered nicks against the reference's §3.3-3.4 and [nickserv] against §4.5, with an
 * account store in memory; every actor and the password executor run tasks at once.
 */
class RegisteredLoginTest {

    private long now = 1_000_000_000L;
    private final Lobby lobby = LobbyAssembly.create(Runnable::run, () -> now, Settings.defaults());
    private final FakeAccounts accounts = new FakeAccounts();

    @BeforeEach
    void registerAlice() {
        lobby.services().useAccounts(accounts);
        accounts.add("alice", "secret");
    }

    private FakeConnection versioned(String ip) throws Exception {
        FakeConnection connection = new FakeConnection(ip);
        lobby.connected(connection);
        connection.takeOne();
        lobby.received(connection, Document.parse("[version]\nversion=\"1.16.9\"\n[/version]\n"));
        assertNotNull(connection.takeOne().root().child("mustlogin"));
        return connection;
    }

    private static void login(Lobby lobby, FakeConnection connection, String name, String password) throws Exception {
        String passwordLine = password == null ? "" : "password=\"" + password + "\"\n";
        lobby.received(connection, Document.parse("[login]\n" + passwordLine + "username=\"" + name + "\"\n[/login]\n"));
    }

    private void login(FakeConnection connection, String name, String password) throws Exception {
        login(lobby, connection, name, password);
    }

    private static Node error(Document document) {
        Node error = document.root().child("error");
        assertNotNull(error, document.toString());
        return error;
    }

    private static Node joinLobby(List<Document> welcome) {
        assertFalse(welcome.isEmpty());
        Node join = welcome.get(0).root().child("join_lobby");
        assertNotNull(join, welcome.toString());
        return join;
    }

    private static Node userEntry(List<Document> welcome, String name) {
        for (Node user : welcome.get(1).root().children("user")) {
            if (user.attr("name").equals(name)) {
                return user;
            }
        }
        throw new AssertionError("no [user] " + name + " in " + welcome.get(1));
    }

    @Test
    void registeredNickWithoutPasswordIsAskedForOne() throws Exception {
        FakeConnection connection = versioned("10.0.0.1");
        login(connection, "alice", null);
        Node error = error(connection.takeOne());
        assertEquals("The nickname 'alice' is registered on this server.", error.text("message"));
        assertEquals("yes", error.attr("password_request"));
        assertEquals("no", error.attr("force_confirmation"));
        assertEquals("200", error.attr("error_code"));
        assertEquals(java.util.Map.of("200", 1L), lobby.services().counters().read().loginsRefused());
        assertNull(connection.closedBecause, "the client is asked again, not sent away");
        assertTrue(accounts.verified.isEmpty(), "nothing to hash without a password");
    }

    @Test
    void rightPasswordLogsInRegisteredAndRecordsTheLogin() throws Exception {
        FakeConnection connection = versioned("10.0.0.1");
        login(connection, "alice", "secret");
        List<Document> welcome = connection.take();
        assertEquals("no", joinLobby(welcome).attr("is_moderator"));
        Node entry = userEntry(welcome, "alice");
        assertEquals("yes", entry.attr("registered"));
        assertEquals("no", entry.attr("moderator"));
        assertEquals(java.time.Instant.ofEpochMilli(now), accounts.accounts.get("alice").lastLogin);
    }

    @Test
    void moderatorFlagComesFromTheAccount() throws Exception {
        accounts.accounts.get("alice").moderator = true;
        FakeConnection connection = versioned("10.0.0.1");
        login(connection, "alice", "secret");
        List<Document> welcome = connection.take();
        assertEquals("yes", joinLobby(welcome).attr("is_moderator"));
        assertEquals("yes", userEntry(welcome, "alice").attr("moderator"));
        assertTrue(lobby.user("alice").moderator, "moderator commands are open to him");
    }

    @Test
    void wrongPasswordIsRefusedWithAnotherRequest() throws Exception {
        FakeConnection connection = versioned("10.0.0.1");
        login(connection, "alice", "guess");
        Node error = error(connection.takeOne());
        assertEquals("The password you provided for the nickname 'alice' was incorrect.", error.text("message"));
        assertEquals("yes", error.attr("password_request"));
        assertEquals("no", error.attr("force_confirmation"));
        assertEquals("203", error.attr("error_code"));
        assertNull(connection.closedBecause);
        login(connection, "alice", "secret");
        assertNotNull(joinLobby(connection.take()), "the same connection may try again");
    }

    @Test
    void tooManyWrongPasswordsBanTheAddress() throws Exception {
        lobby.useFailedLoginPolicy(2, 60);
        FakeConnection connection = versioned("10.0.0.9");
        for (int attempt = 1; attempt <= 2; attempt++) {
            login(connection, "alice", "guess" + attempt);
            assertEquals("203", error(connection.takeOne()).attr("error_code"), "attempt " + attempt);
        }
        login(connection, "alice", "guess3");
        Node error = error(connection.takeOne());
        assertEquals("You have made too many failed login attempts.", error.text("message"));
        assertEquals("204", error.attr("error_code"));
        assertNotNull(connection.closedBecause);
        assertEquals(java.util.Map.of("203", 2L, "204", 1L), lobby.services().counters().read().loginsRefused());
        BanList.Ban ban = lobby.bans().bans().get(0);
        assertEquals("10.0.0.9", ban.ipMask());
        assertEquals("Maximum login attempts exceeded", ban.reason());
        assertEquals("automatic", ban.issuer());
        assertEquals(now + 60_000, ban.endMillis());

        FakeConnection again = new FakeConnection("10.0.0.9");
        lobby.connected(again);
        assertTrue(error(again.takeOne()).text("message").startsWith("You are banned. Reason: Maximum login attempts "
                + "exceeded (Remaining ban duration: "));
    }

    @Test
    void failuresOutsideTheWindowAreForgotten() throws Exception {
        lobby.useFailedLoginPolicy(1, 60);
        FakeConnection connection = versioned("10.0.0.9");
        login(connection, "alice", "guess");
        assertEquals("203", error(connection.takeOne()).attr("error_code"));
        now += 61_000;
        login(connection, "alice", "guess");
        assertEquals("203", error(connection.takeOne()).attr("error_code"), "the first failure has expired");
        login(connection, "alice", "guess");
        assertEquals("204", error(connection.takeOne()).attr("error_code"));
    }

    @Test
    void inactiveAccountIsWarnedAndLogsInUnregistered() throws Exception {
        accounts.accounts.get("alice").inactive = true;
        FakeConnection connection = versioned("10.0.0.1");
        login(connection, "alice", null);
        List<Document> documents = connection.take();
        Node warning = documents.get(0).root().child("warning");
        assertNotNull(warning, documents.toString());
        assertEquals("The nickname 'alice' is inactive. You cannot claim ownership of this nickname until you "
                + "activate your account via email or ask an administrator to do it for you.", warning.text("message"));
        assertEquals("106", warning.attr("warning_code"));
        List<Document> welcome = documents.subList(1, documents.size());
        assertEquals("no", userEntry(welcome, "alice").attr("registered"));
    }

    @Test
    void inactiveAccountIsRefusedWhenUnregisteredNicksAre() throws Exception {
        accounts.accounts.get("alice").inactive = true;
        lobby.setDenyUnregistered(true);
        FakeConnection connection = versioned("10.0.0.1");
        login(connection, "alice", "secret");
        List<Document> documents = connection.take();
        assertEquals("106", documents.get(0).root().child("warning").attr("warning_code"));
        assertEquals("105", error(documents.get(1)).attr("error_code"));
        assertEquals(2, documents.size());
    }

    @Test
    void unregisteredNickIsRefusedWhenDulIsOn() throws Exception {
        lobby.setDenyUnregistered(true);
        FakeConnection connection = versioned("10.0.0.1");
        login(connection, "bob", null);
        Node error = error(connection.takeOne());
        assertEquals("The nickname 'bob' is not registered. This server disallows unregistered nicknames.",
                error.text("message"));
        assertEquals("105", error.attr("error_code"));
        assertEquals(java.util.Map.of("105", 1L), lobby.services().counters().read().loginsRefused());
        assertNull(error.attr("password_request"));
        login(connection, "alice", "secret");
        assertNotNull(joinLobby(connection.take()), "registered nicks still log in");
    }

    @Test
    void unregisteredNickLogsInAsBefore() throws Exception {
        FakeConnection connection = versioned("10.0.0.1");
        login(connection, "bob", "anything");
        List<Document> welcome = connection.take();
        assertEquals("no", userEntry(welcome, "bob").attr("registered"));
        FakeConnection second = versioned("10.0.0.2");
        login(second, "bob", null);
        Node error = error(second.takeOne());
        assertEquals("The nickname 'bob' is already taken.", error.text("message"));
        assertEquals("101", error.attr("error_code"));
    }

    @Test
    void secondLoginOfARegisteredNickIsWarnedThenTakesOver() throws Exception {
        FakeConnection first = versioned("10.0.0.1");
        login(first, "alice", "secret");
        first.take();
        FakeConnection second = versioned("10.0.0.2");
        login(second, "alice", null);
        Node request = error(second.takeOne());
        assertEquals("The nickname 'alice' is registered on this server.\n\nWARNING: There is already a client "
                + "using this username, logging in will cause that client to be kicked!", request.text("message"));
        assertEquals("yes", request.attr("password_request"));
        assertEquals("yes", request.attr("force_confirmation"));
        assertEquals("201", request.attr("error_code"));
        assertTrue(first.take().isEmpty(), "asking does not disturb the first session");

        login(second, "alice", "secret");
        Node kicked = error(first.takeOne());
        assertEquals("You have been kicked. Reason: autokick by registered user", kicked.text("message"));
        assertNotNull(first.closedBecause);
        List<Document> welcome = second.take();
        assertNotNull(joinLobby(welcome));
        assertEquals(1, welcome.get(1).root().children("user").size(), "only the new session is listed");
        assertEquals(second, lobby.user("alice").connection);
        lobby.disconnected(first, "closed");
        assertEquals(second, lobby.user("alice").connection, "the old session's close changes nothing");
    }

    @Test
    void secondLoginWithAWrongPasswordLeavesTheFirstSession() throws Exception {
        FakeConnection first = versioned("10.0.0.1");
        login(first, "alice", "secret");
        first.take();
        FakeConnection second = versioned("10.0.0.2");
        login(second, "alice", "guess");
        assertEquals("203", error(second.takeOne()).attr("error_code"));
        assertTrue(first.take().isEmpty());
        assertEquals(first, lobby.user("alice").connection);
    }

    @Test
    void nickIsComparedWithoutCaseByTheStore() throws Exception {
        FakeConnection connection = versioned("10.0.0.1");
        login(connection, "ALICE", null);
        assertEquals("200", error(connection.takeOne()).attr("error_code"));
    }

    @Test
    void badNamesAreRefusedBeforeTheStoreIsAsked() throws Exception {
        accounts.broken = true;
        FakeConnection connection = versioned("10.0.0.1");
        login(connection, "al ice", "secret");
        assertEquals("102", error(connection.takeOne()).attr("error_code"));
    }

    @Test
    void brokenStoreIsReportedAndTheClientMayRetry() throws Exception {
        accounts.broken = true;
        FakeConnection connection = versioned("10.0.0.1");
        login(connection, "alice", "secret");
        Node error = error(connection.takeOne());
        assertEquals("The server cannot check registered nicks right now. Please try again later.",
                error.text("message"));
        assertNull(error.attr("error_code"));
        assertNull(connection.closedBecause);
        assertEquals(java.util.Map.of("none", 1L), lobby.services().counters().read().loginsRefused());
        accounts.broken = false;
        login(connection, "alice", "secret");
        assertNotNull(joinLobby(connection.take()));
    }

    @Test
    void fullPasswordQueueIsReportedNotQueued() throws Exception {
        lobby.services().usePasswordChecks(task -> {
            throw new RejectedExecutionException("full");
        });
        FakeConnection connection = versioned("10.0.0.1");
        login(connection, "alice", "secret");
        assertEquals("The server cannot check registered nicks right now. Please try again later.",
                error(connection.takeOne()).text("message"));
    }

    @Test
    void checkIsDoneOffTheActorAndConnectionsThatCloseMeanwhileAreDropped() throws Exception {
        List<Runnable> checks = new ArrayList<>();
        lobby.services().usePasswordChecks(checks::add);
        FakeConnection connection = versioned("10.0.0.1");
        login(connection, "alice", "secret");
        assertEquals(1, checks.size(), "the password waits for the checking executor");
        assertTrue(connection.take().isEmpty());
        login(connection, "alice", "secret");
        assertEquals(1, checks.size(), "a second [login] waits for the first check");
        lobby.disconnected(connection, "closed");
        checks.remove(0).run();
        assertTrue(connection.take().isEmpty());
        assertNull(lobby.user("alice"), "a closed connection never logs in");
    }

    @Test
    void documentsSentDuringTheCheckAreHandledAfterItInOrder() throws Exception {
        List<Runnable> checks = new ArrayList<>();
        lobby.services().usePasswordChecks(checks::add);
        FakeConnection connection = versioned("10.0.0.1");
        login(connection, "alice", null);
        login(connection, "alice", "secret");
        lobby.received(connection, Document.parse("[query]\ntype=\"sample\"\n[/query]\n"));
        assertTrue(connection.take().isEmpty());
        checks.remove(0).run();
        assertEquals("200", error(connection.takeOne()).attr("error_code"));
        assertEquals(1, checks.size(), "the held [login] started the next check; the query still waits");
        checks.remove(0).run();
        List<Document> documents = connection.take();
        assertNotNull(joinLobby(documents));
        assertEquals("Current sample frequency: 1",
                documents.get(documents.size() - 1).root().child("message").text("message"),
                "the query is answered after the login, as sent");
    }

    @Test
    void aFloodDuringTheCheckClosesTheConnection() throws Exception {
        lobby.services().usePasswordChecks(task -> { });
        FakeConnection connection = versioned("10.0.0.1");
        login(connection, "alice", "secret");
        for (int i = 0; i <= Lobby.MAX_HELD_DOCUMENTS; i++) {
            lobby.received(connection, Document.parse("[query]\ntype=\"sample\"\n[/query]\n"));
        }
        assertEquals("too many documents while logging in", connection.closedBecause);
    }

    @Test
    void withoutTheStoreEveryNickIsUnregistered() throws Exception {
        lobby.services().dropAccounts(accounts);
        lobby.setDenyUnregistered(true);
        FakeConnection connection = versioned("10.0.0.1");
        login(connection, "alice", null);
        List<Document> welcome = connection.take();
        assertEquals("no", userEntry(welcome, "alice").attr("registered"));
    }

    @Test
    void replacedStoreIsNotDroppedByTheOldOnesUnbind() {
        FakeAccounts replacement = new FakeAccounts();
        lobby.services().useAccounts(replacement);
        lobby.services().dropAccounts(accounts);
        assertEquals(replacement, lobby.accounts());
    }

    // ------------------------------------------------------------------ [nickserv]

    private FakeConnection loggedIn(String name, String password) throws Exception {
        FakeConnection connection = versioned("10.0.0.5");
        login(connection, name, password);
        connection.take();
        return connection;
    }

    @Test
    void nickservInfoDescribesTheAccount() throws Exception {
        FakeAccounts.FakeAccount alice = accounts.accounts.get("alice");
        FakeConnection bob = loggedIn("bob", null);
        lobby.received(bob, Document.parse("[nickserv]\n[info]\nname=\"alice\"\n[/info]\n[/nickserv]\n"));
        Node message = bob.takeOne().root().child("message");
        assertEquals("info", message.attr("type"));
        assertEquals("server", message.attr("sender"));
        assertEquals("Name: alice\nRegistered: " + NickservCommand.ctime(alice.created) + "Last login: Never\n",
                message.text("message"));

        alice.lastLogin = java.time.Instant.parse("2026-03-04T05:06:07Z");
        alice.inactive = true;
        lobby.received(bob, Document.parse("[nickserv]\n[info]\nname=\"alice\"\n[/info]\n[/nickserv]\n"));
        assertEquals("Name: alice\nRegistered: " + NickservCommand.ctime(alice.created) + "Last login: "
                + NickservCommand.ctime(alice.lastLogin) + "This account is currently inactive.\n",
                bob.takeOne().root().child("message").text("message"));
    }

    @Test
    void requestsAfterNickservAreAnsweredAfterIt() throws Exception {
        FakeConnection bob = loggedIn("bob", null);
        List<Runnable> lookups = new ArrayList<>();
        lobby.services().usePasswordChecks(lookups::add);
        lobby.received(bob, Document.parse("[nickserv]\n[info]\nname=\"alice\"\n[/info]\n[/nickserv]\n"));
        lobby.received(bob, Document.parse("[query]\ntype=\"sample\"\n[/query]\n"));
        assertTrue(bob.take().isEmpty(), "the query waits for the lookup");
        lookups.remove(0).run();
        List<Document> answers = bob.take();
        assertEquals("info", answers.get(0).root().child("message").attr("type"));
        assertEquals("Current sample frequency: 1", answers.get(1).root().child("message").text("message"));
    }

    @Test
    void nickservInfoOfAnUnknownNickIsAnError() throws Exception {
        FakeConnection bob = loggedIn("bob", null);
        lobby.received(bob, Document.parse("[nickserv]\n[info]\nname=\"carol\"\n[/info]\n[/nickserv]\n"));
        Node message = bob.takeOne().root().child("message");
        assertEquals("error", message.attr("type"));
        assertEquals("There was an error looking up the details of the user 'carol'.  The error message was: "
                + "No user with the name 'carol' exists.", message.text("message"));
    }

    @Test
    void nickservWithoutTheStoreRefusesRegistration() throws Exception {
        lobby.services().dropAccounts(accounts);
        FakeConnection bob = loggedIn("bob", null);
        lobby.received(bob, Document.parse("[nickserv]\n[info]\nname=\"alice\"\n[/info]\n[/nickserv]\n"));
        Node message = bob.takeOne().root().child("message");
        assertEquals("error", message.attr("type"));
        assertEquals("This server does not allow username registration.", message.text("message"));
    }

    @Test
    void ctimeLooksLikeCs() {
        String text = NickservCommand.ctime(java.time.Instant.parse("2026-01-02T03:04:05Z"));
        assertTrue(text.matches("[A-Z][a-z]{2} [A-Z][a-z]{2} [ 123]\\d \\d\\d:\\d\\d:\\d\\d 2026\n"), text);
    }
}
