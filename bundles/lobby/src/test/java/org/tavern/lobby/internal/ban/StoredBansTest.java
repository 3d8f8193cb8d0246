package org.tavern.lobby.internal.ban;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.identity.Ban;
import org.tavern.lobby.internal.LobbyAssembly;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.lobby.internal.lobby.Lobby;
import org.tavern.lobby.internal.testing.FakeBans;
import org.tavern.lobby.internal.testing.FakeConnection;
import org.tavern.lobby.internal.testing.LobbyDriver;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * The lobby's bans in the identity store: a ban is in the store before its command is answered
 * (the store's writes run on an executor this test steps by hand), the lobby works in memory
 * without a store, and wesnothd's ban file is imported once.
 */
public class StoredBansTest {

    private static final long NOW = 1_800_000_000_000L;

    @TempDir
    Path temp;

    /** Runs nothing until told: the store's writes wait here, as they would on a slow database. */
    public static final class SteppedExecutor implements Executor {
        final ArrayDeque<Runnable> waiting = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            waiting.add(task);
        }

        public void runAll() {
            while (!waiting.isEmpty()) {
                waiting.poll().run();
            }
        }
    }

    private long now = NOW;
    private final Lobby lobby = LobbyAssembly.create(Runnable::run, () -> now, Settings.defaults());
    private final FakeBans store = new FakeBans();
    private final SteppedExecutor writes = new SteppedExecutor();

    private FakeConnection loggedIn(String name, String ip) throws Exception {
        return new LobbyDriver(lobby).loggedIn(name, ip);
    }

    private FakeConnection moderator() throws Exception {
        FakeConnection mod = loggedIn("mod", "10.9.9.9");
        lobby.setModerator(lobby.user("mod"), true);
        return mod;
    }

    private void query(FakeConnection connection, String command) throws Exception {
        lobby.received(connection, Document.parse("[query]\ntype=\"" + command + "\"\n[/query]\n"));
    }

    private static String message(Document document) {
        Node message = document.root().child("message");
        assertNotNull(message, document.toString());
        return message.attr("message");
    }

    private String refusalAtConnect(String ip) {
        FakeConnection connection = new FakeConnection(ip);
        lobby.connected(connection);
        Node error = connection.takeOne().root().child("error");
        return error == null ? null : error.attr("message");
    }

    @Test
    void aBanIsInTheStoreBeforeTheModeratorIsAnswered() throws Exception {
        lobby.storedBans().useExecutor(writes);
        lobby.banSync().useBanStore(store, null);
        FakeConnection mod = moderator();
        query(mod, "ban 203.0.113.* 1h flooding");
        query(mod, "bans"); // asked right after: answered after the ban, in order
        assertTrue(mod.take().isEmpty(), "no answer while the ban is being written");
        assertTrue(store.rows.isEmpty());
        assertTrue(refusalAtConnect("203.0.113.7").startsWith("You are banned. Reason: flooding"),
                "the ban applies at once, before it is durable");

        writes.runAll();
        assertEquals(1, store.active(Instant.ofEpochMilli(NOW)).size());
        Ban stored = store.rows.get(0);
        assertEquals("203.0.113.*", stored.ipMask());
        assertEquals("mod", stored.issuer());
        assertEquals(Instant.ofEpochMilli(NOW + 3_600_000), stored.end());
        List<Document> answers = mod.take();
        assertEquals(2, answers.size(), answers.toString());
        assertTrue(message(answers.get(0)).startsWith("IP: 203.0.113.*  reason: 'flooding'"), message(answers.get(0)));
        assertTrue(message(answers.get(1)).startsWith("BAN LIST\nIP: 203.0.113.*"), message(answers.get(1)));

        query(mod, "unban 203.0.113.*");
        assertTrue(mod.take().isEmpty());
        writes.runAll();
        assertTrue(message(mod.takeOne()).startsWith("Ban on 'IP: 203.0.113.*"));
        assertTrue(store.active(Instant.ofEpochMilli(NOW)).isEmpty());
        assertEquals(1, store.deleted().size());
    }

    @Test
    void kickbanSendsThePlayerAwayAfterTheAnswer() throws Exception {
        lobby.storedBans().useExecutor(writes);
        lobby.banSync().useBanStore(store, null);
        FakeConnection mod = moderator();
        FakeConnection pest = loggedIn("pest", "198.51.100.4");
        mod.take();
        query(mod, "kban pest 1d spam");
        query(mod, "bans"); // waits: answered after the kick's diff, as wesnothd orders them
        assertNull(pest.closedBecause, "still here while the ban is written");
        writes.runAll();
        List<Document> answer = mod.take();
        assertEquals(3, answer.size(), answer.toString());
        assertTrue(message(answer.get(0)).endsWith("Kicked pest (198.51.100.4)."), answer.toString());
        assertNotNull(answer.get(1).root().child("gamelist_diff"), "pest leaves the lobby right after the answer");
        assertTrue(message(answer.get(2)).startsWith("BAN LIST"), answer.toString());
        assertEquals("You have been banned. Reason: spam", pest.take().get(0).root().child("error").attr("message"));
        assertNotNull(pest.closedBecause);
        assertEquals("pest", store.rows.get(0).nickMask());
    }

    @Test
    void anotherServersBansApplyHereWithoutARestart() throws Exception {
        lobby.storedBans().useExecutor(writes);
        lobby.banSync().useBanStore(store, null);
        assertEquals(1, store.watchers());
        store.add(Ban.of("198.51.100.*", "", "raided the other server", "admin", "", Instant.ofEpochMilli(NOW), null));
        store.anotherServerChangedBans();
        assertNull(refusalAtConnect("198.51.100.20"), "not before the bans are read again");
        writes.runAll();
        assertTrue(refusalAtConnect("198.51.100.20").startsWith("You are banned. Reason: raided the other server"));

        // A ban of ours, made while the other server's change is being read, is not lost to the re-read.
        store.remove("198.51.100.*", Instant.ofEpochMilli(NOW));
        store.anotherServerChangedBans();
        FakeConnection mod = moderator();
        query(mod, "ban 203.0.113.9 1h ours");
        writes.runAll();
        assertNull(refusalAtConnect("198.51.100.20"), "lifted on the other server");
        assertTrue(refusalAtConnect("203.0.113.9").startsWith("You are banned. Reason: ours"));
        assertEquals(List.of("203.0.113.9"), store.active(Instant.ofEpochMilli(NOW)).stream().map(Ban::ipMask).toList());

        lobby.banSync().dropBanStore(store);
        assertEquals(0, store.watchers(), "no watch left on a store that went away");
    }

    @Test
    void aStoreFailureIsToldToTheModeratorAndTheBanStillApplies() throws Exception {
        lobby.banSync().useBanStore(store, null);
        store.broken = true;
        FakeConnection mod = moderator();
        query(mod, "ban 192.0.2.1 1h spam");
        assertEquals("The ban could not be saved: database is down", message(mod.takeOne()));
        assertTrue(refusalAtConnect("192.0.2.1").startsWith("You are banned. Reason: spam"));
    }

    @Test
    void withoutAStoreBansLastInMemory() throws Exception {
        FakeConnection mod = moderator();
        query(mod, "gban 192.0.2.* testers 1h trying");
        assertTrue(message(mod.takeOne()).startsWith("IP: 192.0.2.*  reason: 'trying'"));
        assertTrue(refusalAtConnect("192.0.2.50").startsWith("You are banned. Reason: trying"));
        query(mod, "ungban testers");
        assertEquals("Removed 1 bans", message(mod.takeOne()));
        assertNull(refusalAtConnect("192.0.2.50"), "the login starts");
    }

    @Test
    void bansSetWhileTheStoreWasAwayAreSavedWhenItComes() throws Exception {
        FakeConnection mod = moderator();
        query(mod, "ban 192.0.2.9 permanent early");
        mod.take();
        store.add(Ban.of("10.1.1.1", "", "older", "admin", "", Instant.ofEpochMilli(NOW - 1000), null));
        lobby.banSync().useBanStore(store, null);
        assertEquals(List.of("10.1.1.1", "192.0.2.9"), store.active(Instant.ofEpochMilli(NOW)).stream()
                .map(Ban::ipMask).toList());
        assertTrue(refusalAtConnect("10.1.1.1").startsWith("You are banned. Reason: older"), "read from the store");
        assertTrue(refusalAtConnect("192.0.2.9").startsWith("You are banned. Reason: early"));
    }

    @Test
    void anExpiredBanIsMarkedDeletedInTheStoreToo() throws Exception {
        store.add(Ban.of("192.0.2.3", "", "short", "admin", "", Instant.ofEpochMilli(NOW), Instant.ofEpochMilli(NOW + 60_000)));
        lobby.banSync().useBanStore(store, null);
        now = NOW + 60_000;
        assertNull(refusalAtConnect("192.0.2.3"));
        assertEquals(1, store.deleted().size());
    }

    /** The file wesnothd 1.16 writes: times in seconds, a [deleted] block. */
    private static byte[] wesnothdBanFile() {
        Document file = Document.create();
        file.root().addChild("ban").set("end_time", 0).set("group", "").set("ip", "10.20.*").set("nick", "")
                .set("reason", "bots").set("start_time", NOW / 1000 - 86_400).set("who_banned", "admin");
        file.root().addChild("ban").set("end_time", NOW / 1000 + 3600).set("group", "g1").set("ip", "192.0.2.77")
                .set("nick", "pest").set("reason", "flooding").set("start_time", NOW / 1000 - 60).set("who_banned", "mod");
        file.root().addChild("deleted").addChild("ban").set("end_time", NOW / 1000 - 10).set("group", "")
                .set("ip", "172.16.0.1").set("nick", "").set("reason", "old").set("start_time", NOW / 1000 - 100)
                .set("who_banned", "mod");
        return file.compressedOutput();
    }

    @Test
    void wesnothdsBanFileIsImportedOnceAndRenamed() throws Exception {
        Path file = temp.resolve("bans.gz");
        Files.write(file, wesnothdBanFile());
        lobby.banSync().useBanStore(store, file);
        assertFalse(Files.exists(file));
        assertTrue(Files.exists(temp.resolve("bans.gz.imported")));
        List<Ban> active = store.active(Instant.ofEpochMilli(NOW));
        assertEquals(List.of("10.20.*", "192.0.2.77"), active.stream().map(Ban::ipMask).toList());
        assertNull(active.get(0).end(), "end_time 0 is permanent");
        assertEquals(Instant.ofEpochSecond(NOW / 1000 + 3600), active.get(1).end());
        assertEquals("g1", active.get(1).group());
        assertEquals("pest", active.get(1).nickMask());
        assertEquals(List.of("172.16.0.1"), store.deleted().stream().map(Ban::ipMask).toList());
        assertTrue(refusalAtConnect("10.20.3.4").startsWith("You are banned. Reason: bots"));

        lobby.banSync().useBanStore(store, file); // a restart, or the store bound again
        assertEquals(3, store.rows.size(), "nothing imported twice");
    }

    @Test
    void anUnreadableBanFileIsSetAsideAndNothingIsImported() throws Exception {
        Path file = temp.resolve("bans.gz");
        Files.writeString(file, "not gzip");
        lobby.banSync().useBanStore(store, file);
        assertTrue(store.rows.isEmpty());
        try (var files = Files.list(temp)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertEquals(1, names.size(), names.toString());
            assertTrue(names.get(0).startsWith("bans.gz.unreadable-"), names.toString());
        }
    }

    @Test
    void aFailedImportLeavesTheFileForTheNextStart() throws Exception {
        Path file = temp.resolve("bans.gz");
        Files.write(file, wesnothdBanFile());
        store.broken = true;
        lobby.banSync().useBanStore(store, file);
        assertTrue(Files.exists(file), "imported at the next start instead");
        store.broken = false;
        lobby.banSync().useBanStore(store, file);
        assertEquals(3, store.rows.size());
        assertFalse(Files.exists(file));
    }
}
