package org.tavern.lobby.internal.lobby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tavern.lobby.internal.LobbyAssembly;
import org.tavern.lobby.internal.common.ServerControl;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.lobby.internal.testing.FakeConnection;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * Logins that wait in the lobby actor's mailbox together are announced together: the lobby's
 * actor here is a queue the test runs, so several logins can be waiting at once as in a storm.
 */
class LoginAnnouncementTest {

    private final ArrayDeque<Runnable> mailbox = new ArrayDeque<>();
    private final Lobby lobby = LobbyAssembly.create(mailbox::add, () -> 1_000_000, Settings.defaults());

    private void runMailbox() {
        for (Runnable task; (task = mailbox.poll()) != null; ) {
            task.run();
        }
    }

    private static Document wml(String text) throws Exception {
        return Document.parse(text);
    }

    /** Connected and past the version check; its login not sent yet. */
    private FakeConnection versioned() throws Exception {
        FakeConnection connection = new FakeConnection("127.0.0.1");
        lobby.connected(connection);
        lobby.received(connection, wml("[version]\nversion=\"1.16.9\"\n[/version]\n"));
        runMailbox();
        List<Document> greeting = connection.take();
        assertNotNull(greeting.get(1).root().child("mustlogin"), greeting.toString());
        return connection;
    }

    private void sendLogin(FakeConnection connection, String name) throws Exception {
        lobby.received(connection, wml("[login]\nusername=\"" + name + "\"\n[/login]\n"));
    }

    private static List<String> users(Document list) {
        return list.root().children("user").stream().map(user -> user.attr("name")).toList();
    }

    @Test
    void loginsWaitingTogetherReachTheLobbyAsOneDiff() throws Exception {
        FakeConnection member = versioned();
        sendLogin(member, "member");
        runMailbox();
        member.take();
        FakeConnection alice = versioned();
        FakeConnection bob = versioned();
        int aliceWelcome = alice.frames.size();
        int bobWelcome = bob.frames.size();
        sendLogin(alice, "alice");
        sendLogin(bob, "bob");
        runMailbox();

        Node diff = member.takeOne().root().child("gamelist_diff");
        List<Node> inserts = diff.children("insert_child");
        assertEquals(2, inserts.size(), diff.toString());
        assertEquals("1", inserts.get(0).attr("index"));
        assertEquals("alice", inserts.get(0).child("user").attr("name"));
        assertEquals("2", inserts.get(1).attr("index"), "applied in order: after alice's insert");
        assertEquals("bob", inserts.get(1).child("user").attr("name"));

        for (FakeConnection newcomer : List.of(alice, bob)) {
            List<Document> welcome = newcomer.take();
            assertNotNull(welcome.get(0).root().child("join_lobby"), welcome.toString());
            assertEquals(List.of("member", "alice", "bob"), users(welcome.get(1)), "the whole list, both in it");
            assertTrue(welcome.stream().noneMatch(d -> d.root().child("gamelist_diff") != null),
                    "a newcomer gets no diff for a login his list already shows");
        }
        assertSame(alice.frames.get(aliceWelcome + 1), bob.frames.get(bobWelcome + 1),
                "the batch's newcomers share one encoded full list");
    }

    @Test
    void whatTheLobbyDoesNextComesAfterTheAnnouncement() throws Exception {
        FakeConnection member = versioned();
        sendLogin(member, "member");
        runMailbox();
        member.take();
        FakeConnection alice = versioned();
        sendLogin(alice, "alice");
        lobby.received(member, wml("[message]\nmessage=\"hello\"\n[/message]\n"));
        runMailbox();

        List<Document> seen = alice.take();
        assertNotNull(seen.get(0).root().child("join_lobby"), seen.toString());
        Document last = seen.get(seen.size() - 1);
        assertEquals("hello", last.root().child("message").attr("message"),
                "the chat line a member sent after her login reaches her after her welcome");
        Document memberSaw = member.takeOne();
        assertEquals("alice", memberSaw.root().child("gamelist_diff").child("insert_child").child("user").attr("name"));
    }

    @Test
    void aLoneLoginIsAnnouncedAsWesnothdDoes() throws Exception {
        FakeConnection member = versioned();
        sendLogin(member, "member");
        runMailbox();
        member.take();
        FakeConnection alice = versioned();
        sendLogin(alice, "alice");
        runMailbox();
        Node diff = member.takeOne().root().child("gamelist_diff");
        assertEquals(1, diff.children().size(), diff.toString());
        assertEquals("1", diff.child("insert_child").attr("index"));
    }

    /** Records what the lobby schedules; the test runs it when it likes. */
    private static final class ManualTimer implements ServerControl {
        final List<Runnable> scheduled = new java.util.ArrayList<>();

        @Override
        public void stopAccepting() {
        }

        @Override
        public void schedule(long delayMillis, Runnable task) {
            scheduled.add(task);
        }

        @Override
        public void startNewServer(String command) {
        }

        @Override
        public void exit(String reason) {
        }
    }

    @Test
    void loginsSoonAfterAnAnnouncementWaitForTheIntervalOrForAnythingElse() throws Exception {
        ManualTimer timer = new ManualTimer();
        lobby.services().useServerControl(timer);
        lobby.useLoginAnnouncementInterval(3_600_000); // the timer, never the clock, ends the wait here
        runMailbox();
        FakeConnection member = versioned();
        sendLogin(member, "member");
        runMailbox();
        assertNotNull(member.take().get(0).root().child("join_lobby"), "the first login is announced at once");

        FakeConnection alice = versioned();
        FakeConnection bob = versioned();
        sendLogin(alice, "alice");
        runMailbox();
        sendLogin(bob, "bob");
        runMailbox();
        assertTrue(member.take().isEmpty(), "within the interval: nothing yet");
        assertTrue(alice.take().isEmpty());
        assertEquals(1, timer.scheduled.size(), "one announcement scheduled for both");

        timer.scheduled.get(0).run();
        runMailbox();
        assertEquals(2, member.takeOne().root().child("gamelist_diff").children("insert_child").size());
        assertNotNull(alice.take().get(0).root().child("join_lobby"));
        assertNotNull(bob.take().get(0).root().child("join_lobby"));

        FakeConnection carol = versioned();
        sendLogin(carol, "carol");
        runMailbox();
        lobby.received(member, wml("[message]\nmessage=\"hi\"\n[/message]\n"));
        runMailbox();
        assertNotNull(carol.take().get(0).root().child("join_lobby"),
                "a member's chat line announces the waiting login first, without waiting for the timer");
        assertEquals("carol", member.takeOne().root().child("gamelist_diff").child("insert_child").child("user")
                .attr("name"));
        timer.scheduled.get(1).run();
        runMailbox();
        assertTrue(member.take().isEmpty(), "the timer found nothing left to announce");
        assertTrue(carol.take().isEmpty());
    }
}
