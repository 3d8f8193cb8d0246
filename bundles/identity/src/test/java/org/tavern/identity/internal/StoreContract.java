package org.tavern.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tavern.identity.Account;
import org.tavern.identity.Attributes;
import org.tavern.identity.Ban;
import org.tavern.identity.GamePlayer;
import org.tavern.identity.GameQuery;
import org.tavern.identity.GameRecord;
import org.tavern.identity.GameStart;
import org.tavern.identity.PasswordCheck;
import org.tavern.identity.StoreException;

/**
 * The store's behaviour, run against every database it supports: {@link H2StoreTest} and
 * {@link PostgresStoreTest} give it a fresh, empty database per test.
 */
abstract class StoreContract {

    /** Cheap Argon2id parameters: the tests check behaviour, not cost. */
    static final PasswordHasher FAST = new PasswordHasher(64, 1, 1);
    static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

    private Database.Settings settings;
    Database database;
    AccountStore accounts;
    BanStore bans;
    GameRecordStore games;

    /** Settings of a new, empty database. */
    abstract Database.Settings freshDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        settings = freshDatabase();
        openServices();
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    /** Closes and reopens the same database: what a restart sees. */
    void reopen() {
        database.close();
        openServices();
    }

    private void openServices() {
        database = new Database(settings);
        accounts = new AccountStore(database, FAST);
        bans = new BanStore(database);
        games = new GameRecordStore(database);
    }

    // --- schema ---

    @Test
    void migrationsAreRecordedAndNotRunTwice() throws Exception {
        reopen();
        reopen();
        int rows = database.read("count", c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(version) FROM tavern_schema_version")) {
                rs.next();
                assertEquals(Migrations.SCRIPTS.size(), rs.getInt(2));
                return rs.getInt(1);
            }
        });
        assertEquals(Migrations.SCRIPTS.size(), rows);
    }

    @Test
    void serversStartingTogetherOnOneDatabaseMigrateItOnce() throws Exception {
        Database.Settings shared = freshDatabase();
        int servers = 3;
        ExecutorService pool = Executors.newFixedThreadPool(servers);
        List<Database> opened = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Database>> starts = new ArrayList<>();
            for (int i = 0; i < servers; i++) {
                starts.add(pool.submit(() -> {
                    go.await();
                    return new Database(shared);
                }));
            }
            go.countDown();
            for (Future<Database> start : starts) {
                opened.add(start.get(60, TimeUnit.SECONDS));
            }
            int rows = opened.get(0).read("count", c -> {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM tavern_schema_version")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertEquals(Migrations.SCRIPTS.size(), rows);
            new AccountStore(opened.get(1), FAST).create("everyone", "", "x");
            assertTrue(new AccountStore(opened.get(2), FAST).find("everyone").isPresent());
        } finally {
            opened.forEach(Database::close);
            pool.shutdownNow();
        }
    }

    @Test
    void aChangedMigrationStopsTheStart() {
        database.write("tamper", c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("UPDATE tavern_schema_version SET checksum = 'x' WHERE version = 1");
            }
        });
        database.close();
        StoreException e = assertThrows(StoreException.class, () -> new Database(settings));
        assertTrue(e.getMessage().contains("was changed after it was applied"), e.getMessage());
        database = null;
    }

    @Test
    void aNewerSchemaStopsTheStart() {
        database.write("from the future", c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("INSERT INTO tavern_schema_version (version, description, checksum, installed_at) "
                        + "VALUES (999, 'future', 'x', 0)");
            }
        });
        database.close();
        StoreException e = assertThrows(StoreException.class, () -> new Database(settings));
        assertTrue(e.getMessage().contains("newer than this Tavern knows"), e.getMessage());
        database = null;
    }

    // --- accounts ---

    @Test
    void anAccountIsOneLiveObjectFoundCaseInsensitively() {
        Account created = accounts.create("Alice_1", "alice@example.org", "secret");
        assertSame(created, accounts.find("Alice_1").orElseThrow());
        assertSame(created, accounts.find("alice_1").orElseThrow());
        assertEquals("Alice_1", created.nick());
        assertEquals("alice@example.org", created.email());
        assertTrue(created.hasPassword());
        assertFalse(created.moderator());
        assertTrue(created.lastLogin().isEmpty());
        assertTrue(accounts.find("bob").isEmpty());
        assertTrue(accounts.find("not a nick!").isEmpty());
    }

    @Test
    void passwordsVerify() {
        accounts.create("alice", "", "correct horse");
        assertEquals(PasswordCheck.OK, accounts.verify("alice", "correct horse"));
        assertEquals(PasswordCheck.OK, accounts.verify("ALICE", "correct horse"));
        assertEquals(PasswordCheck.WRONG_PASSWORD, accounts.verify("alice", "correct horsE"));
        assertEquals(PasswordCheck.WRONG_PASSWORD, accounts.verify("alice", ""));
        assertEquals(PasswordCheck.NO_SUCH_ACCOUNT, accounts.verify("bob", "correct horse"));
        assertEquals(PasswordCheck.NO_SUCH_ACCOUNT, accounts.verify("no such nick!", "x"));
        accounts.create("nopass", "", null);
        assertEquals(PasswordCheck.WRONG_PASSWORD, accounts.verify("nopass", "anything"));
        accounts.setInactive("alice", true);
        assertEquals(PasswordCheck.INACTIVE, accounts.verify("alice", "correct horse"));
        assertEquals(PasswordCheck.WRONG_PASSWORD, accounts.verify("alice", "wrong"));
    }

    @Test
    void changesAreStoredAndSurviveARestart() {
        Account alice = accounts.create("alice", "a@example.org", "one");
        assertSame(alice, accounts.setPassword("alice", "two").orElseThrow());
        assertSame(alice, accounts.setModerator("alice", true).orElseThrow());
        assertSame(alice, accounts.setEmail("alice", "b@example.org").orElseThrow());
        Instant login = T0.plusSeconds(5);
        assertSame(alice, accounts.recordLogin("alice", login).orElseThrow());
        assertTrue(alice.moderator());
        assertEquals("b@example.org", alice.email());
        assertEquals(login, alice.lastLogin().orElseThrow());
        reopen();
        Account again = accounts.find("alice").orElseThrow();
        assertNotSame(alice, again);
        assertEquals(alice.id(), again.id());
        assertTrue(again.moderator());
        assertEquals("b@example.org", again.email());
        assertEquals(login, again.lastLogin().orElseThrow());
        assertEquals(alice.created().toEpochMilli(), again.created().toEpochMilli());
        assertEquals(PasswordCheck.OK, accounts.verify("alice", "two"));
        assertEquals(PasswordCheck.WRONG_PASSWORD, accounts.verify("alice", "one"));
    }

    @Test
    void changesToUnknownNicksAreEmpty() {
        assertTrue(accounts.setPassword("ghost", "x").isEmpty());
        assertTrue(accounts.setModerator("ghost", true).isEmpty());
        assertTrue(accounts.setInactive("not a nick!", true).isEmpty());
        assertTrue(accounts.recordLogin("ghost", T0).isEmpty());
    }

    @Test
    void aNickIsRegisteredOnce() {
        accounts.create("Alice", "", "x");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> accounts.create("aLICE", "", "y"));
        assertTrue(e.getMessage().contains("already registered"), e.getMessage());
        assertEquals(1, accounts.count());
    }

    @Test
    void badAccountInputIsRefusedClearly() {
        for (String nick : new String[] {null, "", "has space", "x".repeat(21), "dot.ted", "ünï"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> accounts.create(nick, "", "x"), String.valueOf(nick));
            assertTrue(e.getMessage().startsWith("a nick is"), e.getMessage());
        }
        for (String email : new String[] {"no-at", "two@@x", "@x", "x@", "sp ace@x", "a@b@c"}) {
            assertThrows(IllegalArgumentException.class, () -> accounts.create("bob", email, "x"), email);
        }
        assertThrows(IllegalArgumentException.class, () -> accounts.create("bob", "", ""));
        assertThrows(IllegalArgumentException.class, () -> accounts.create("bob", "", "x".repeat(1025)));
        assertThrows(IllegalArgumentException.class, () -> accounts.setPassword("bob", ""));
        assertThrows(IllegalArgumentException.class, () -> accounts.verify("bob", null));
        assertThrows(IllegalArgumentException.class, () -> accounts.list("", -1, 10));
        assertEquals(0, accounts.count());
    }

    @Test
    void accountsAreListedByPatternAndPage() {
        for (String nick : List.of("carol", "alice", "bob", "alfred", "Al_x")) {
            accounts.create(nick, "", "x");
        }
        assertEquals(List.of("Al_x", "alfred", "alice", "bob", "carol"), nicks(accounts.list("", 0, 100))); // binary order of nick_key
        assertEquals(List.of("Al_x", "alfred", "alice"), nicks(accounts.list("al*", 0, 100)));
        assertEquals(List.of("Al_x"), nicks(accounts.list("AL_?", 0, 100)));
        assertEquals(List.of("alfred", "alice"), nicks(accounts.list("al*", 1, 2)));
        assertEquals(5, accounts.count());
        assertSame(accounts.find("bob").orElseThrow(), accounts.list("bob", 0, 1).get(0));
    }

    @Test
    void concurrentLookupsOfOneNickShareOneObject() throws Exception {
        accounts.create("shared", "", "x");
        reopen();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Account>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return accounts.find("SHARED").orElseThrow();
                }));
            }
            go.countDown();
            Account first = results.get(0).get(10, TimeUnit.SECONDS);
            for (Future<Account> result : results) {
                assertSame(first, result.get(10, TimeUnit.SECONDS));
            }
            assertEquals(1, accounts.identityMap().stats().loads());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBcryptHashFromPhpbbVerifiesAndIsUpgraded() {
        Account legacy = accounts.create("legacy", "", null);
        String bcrypt = OpenBSDBCrypt.generate("2y", "old password".toCharArray(), new byte[16], 4);
        database.write("import", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE account SET password_hash = ? WHERE id = ?")) {
                s.setString(1, bcrypt);
                s.setLong(2, legacy.id());
                return s.executeUpdate();
            }
        });
        assertEquals(PasswordCheck.WRONG_PASSWORD, accounts.verify("legacy", "other"));
        assertEquals(PasswordCheck.OK, accounts.verify("legacy", "old password"));
        String stored = database.read("hash", c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT password_hash FROM account WHERE nick_key = 'legacy'")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertTrue(stored.startsWith("$argon2id$"), stored);
        assertEquals(PasswordCheck.OK, accounts.verify("legacy", "old password"));
    }

    // --- bans ---

    @Test
    void bansAreAddedFoundLiftedAndKept() {
        Ban permanent = bans.add(Ban.of("10.0.0.*", "troll*", "flooding", "mod", "", T0, null));
        Ban timed = bans.add(Ban.of("192.168.1.7", "pest", "spam", "mod2", "g1", T0, T0.plus(Duration.ofHours(1))));
        assertTrue(permanent.id() > 0);
        assertTrue(permanent.permanent());
        assertEquals(Optional.of(permanent), bans.find("10.0.0.42", T0.plusSeconds(1)));
        assertEquals(Optional.of(timed), bans.find("192.168.1.7", T0.plusSeconds(1)));
        assertTrue(bans.find("192.168.1.8", T0).isEmpty());
        assertEquals(List.of(permanent, timed), bans.active(T0.plusSeconds(1)));
        // past its end a ban no longer applies, and expire() moves it to the deleted list
        assertTrue(bans.find("192.168.1.7", T0.plus(Duration.ofHours(2))).isEmpty());
        assertEquals(1, bans.expire(T0.plus(Duration.ofHours(2))));
        assertEquals(0, bans.expire(T0.plus(Duration.ofHours(2))));
        assertEquals(List.of(timed.id()), bans.deleted().stream().map(Ban::id).toList());
        assertTrue(bans.deleted().get(0).deleted());
        Ban lifted = bans.remove("10.0.0.*", T0.plusSeconds(60)).orElseThrow();
        assertEquals(permanent, lifted);
        assertTrue(bans.remove("10.0.0.*", T0.plusSeconds(61)).isEmpty());
        assertTrue(bans.active(T0.plusSeconds(62)).isEmpty());
        assertEquals(2, bans.deleted().size());
        assertEquals(T0.plusSeconds(60), bans.deleted().get(0).deletedAt());
    }

    @Test
    void aBanOnTheSameMaskReplacesTheOldOne() {
        Ban first = bans.add(Ban.of("1.2.3.4", "a", "one", "m", "", T0, null));
        Ban second = bans.add(Ban.of("1.2.3.4", "a", "two", "m", "", T0.plusSeconds(1), null));
        assertEquals(List.of(second), bans.active(T0.plusSeconds(2)));
        assertEquals(List.of(first.id()), bans.deleted().stream().map(Ban::id).toList());
    }

    @Test
    void aBanGroupIsForgottenAndImportedBansKeepTheirState() {
        bans.add(Ban.of("10.1.*", "", "g", "m", "testers", T0, null));
        bans.add(Ban.of("10.2.*", "", "g", "m", "testers", T0, null));
        Ban other = bans.add(Ban.of("10.3.*", "", "h", "m", "", T0, null));
        assertEquals(2, bans.removeGroup("testers"));
        assertEquals(0, bans.removeGroup("testers"));
        assertEquals(List.of(other), bans.active(T0));
        assertTrue(bans.deleted().isEmpty(), "ungban forgets them, as wesnothd");
        assertThrows(IllegalArgumentException.class, () -> bans.removeGroup(""));

        Ban old = bans.restore(new Ban(0, "10.3.*", "", "old", "m", "", T0.minusSeconds(100), T0.minusSeconds(50), true,
                T0.minusSeconds(40)));
        assertTrue(old.deleted());
        assertEquals(List.of(other), bans.active(T0), "a restored deleted ban lifts nothing");
        Ban imported = bans.restore(Ban.of("10.4.*", "", "imported", "m", "", T0, null));
        reopen();
        assertEquals(List.of(other, imported), bans.active(T0));
        assertEquals(List.of(old), bans.deleted());
        assertThrows(IllegalArgumentException.class, () -> bans.restore(imported), "already stored");
    }

    @Test
    void bansSurviveARestart() {
        Ban ban = bans.add(Ban.of("5.6.7.8", "x", "why", "who", "grp", T0, T0.plusSeconds(3600)));
        reopen();
        assertEquals(List.of(ban), bans.active(T0));
        assertEquals("grp", bans.active(T0).get(0).group());
    }

    @Test
    void badBansAreRefusedClearly() {
        assertThrows(NullPointerException.class, () -> Ban.of(null, "", "", "", "", T0, null));
        assertThrows(IllegalArgumentException.class, () -> bans.add(Ban.of(" ", "", "", "", "", T0, null)));
        assertThrows(IllegalArgumentException.class, () -> bans.add(Ban.of("x".repeat(256), "", "", "", "", T0, null)));
        assertThrows(IllegalArgumentException.class,
                () -> bans.add(Ban.of("1.1.1.1", "", "r".repeat(1025), "", "", T0, null)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bans.add(Ban.of("1.1.1.1", "", "", "", "", T0, T0.minusSeconds(1))));
        assertTrue(e.getMessage().contains("before it starts"), e.getMessage());
        assertTrue(bans.active(T0).isEmpty());
    }

    // --- game records ---

    @Test
    void aRunningGameIsPinnedUntilItEnds() {
        GameRecord game = games.recordStart("2p duel", "Default", "2p_Caves_of_the_Basilisk", List.of("alice", "bob"), T0);
        assertTrue(games.identityMap().isPinned(game.id()));
        assertSame(game, games.find(game.id()).orElseThrow());
        assertTrue(game.ended().isEmpty());
        assertSame(game, games.recordEnd(game.id(), T0.plusSeconds(600), "victory", "replays/duel.bz2").orElseThrow());
        assertFalse(games.identityMap().isPinned(game.id()));
        assertEquals(T0.plusSeconds(600), game.ended().orElseThrow());
        assertEquals("victory", game.terminationReason().orElseThrow());
        assertThrows(IllegalStateException.class, () -> games.recordEnd(game.id(), T0.plusSeconds(700), "again", null));
        assertTrue(games.recordEnd(424242, T0, "none", null).isEmpty());
        reopen();
        GameRecord stored = games.find(game.id()).orElseThrow();
        assertEquals(List.of("alice", "bob"), stored.players());
        assertEquals("2p_Caves_of_the_Basilisk", stored.scenario());
        assertEquals("replays/duel.bz2", stored.replayFile().orElseThrow());
        assertEquals(T0, stored.started());
    }

    @Test
    void gameHistoryIsSearchedNewestFirstAndPaged() {
        GameRecord g1 = games.recordStart("Fun game", "Default", "Caves", List.of("Alice", "Bob"), T0);
        GameRecord g2 = games.recordStart("Ladder #1", "Ladder Era", "Sulla", List.of("carol", "alice"), T0.plusSeconds(10));
        GameRecord g3 = games.recordStart("100%_real", "Default", "Sulla", List.of("dave"), T0.plusSeconds(20));
        assertEquals(List.of(g3, g2, g1), games.query(GameQuery.recent(10)));
        assertEquals(List.of(g2, g1), games.query(GameQuery.recent(10).withPlayer("ALICE")));
        assertEquals(List.of(g2), games.query(GameQuery.recent(10).withGameName("*ladder*")));
        assertEquals(List.of(g3), games.query(GameQuery.recent(10).withGameName("100%_*")));
        assertTrue(games.query(GameQuery.recent(10).withGameName("100x_*")).isEmpty());
        assertEquals(List.of(g3, g2), games.query(GameQuery.recent(10).withContent("sulla", GameQuery.ContentType.SCENARIO)));
        assertEquals(List.of(g2), games.query(GameQuery.recent(10).withContent("*ladder*", GameQuery.ContentType.ERA)));
        assertEquals(List.of(g3, g1), games.query(GameQuery.recent(10).withContent("default", GameQuery.ContentType.ANY)));
        assertEquals(List.of(g2), games.query(GameQuery.recent(10).page(1, 1)));
        assertEquals(List.of("carol", "alice"), games.query(GameQuery.recent(10).withPlayer("carol")).get(0).players());
        assertThrows(IllegalArgumentException.class, () -> GameQuery.recent(0));
        assertThrows(IllegalArgumentException.class, () -> GameQuery.recent(5).page(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> games.recordStart("", "", "", List.of(), T0));
    }

    private static GameStart duel(int lobbyId, String name, Instant started, String... nicks) {
        List<GamePlayer> seats = new ArrayList<>();
        for (int i = 0; i < nicks.length; i++) {
            seats.add(new GamePlayer(nicks[i], i + 1, i == 0 ? "Drakes" : "Undead"));
        }
        return new GameStart(lobbyId, name, "2p_Sulla", "2p — Sulla's Ruins", "era_default", "Default",
                List.of("Plan Unit Advancement", "RNG Info"), seats, started);
    }

    @Test
    void aGameRecordKeepsItsSidesFactionsContentAndLobbyId() {
        GameRecord game = games.recordStart(duel(42, "Duel ✓", T0, "alice", "bob", "alice"));
        assertEquals(42, game.lobbyId());
        games.recordEnd(game.id(), T0.plusSeconds(60), "victory", "replays/Sulla_Turn_3_(42).bz2");
        reopen();
        GameRecord stored = games.find(game.id()).orElseThrow();
        assertNotSame(game, stored);
        assertEquals(42, stored.lobbyId());
        assertEquals("Duel ✓", stored.name());
        assertEquals("2p_Sulla", stored.scenarioId());
        assertEquals("2p — Sulla's Ruins", stored.scenario());
        assertEquals("era_default", stored.eraId());
        assertEquals("Default", stored.era());
        assertEquals(List.of(new GamePlayer("alice", 1, "Drakes"), new GamePlayer("bob", 2, "Undead"),
                new GamePlayer("alice", 3, "Undead")), stored.seats());
        assertEquals(List.of("alice", "bob", "alice"), stored.players());
        assertEquals(List.of("Plan Unit Advancement", "RNG Info"), stored.modifications());
        assertEquals("victory", stored.terminationReason().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> games.recordStart(new GameStart(1, "g", "", "", "", "", List.of(""),
                List.of(), T0)), "an empty modification");
        assertThrows(IllegalArgumentException.class, () -> games.recordStart(new GameStart(1, "g", "", "", "", "",
                List.of(), List.of(new GamePlayer("a", 1, "f".repeat(256))), T0)), "an over-long faction");
    }

    @Test
    void theHistoryCanListEndedGamesOnlyAndMatchesContentIds() {
        GameRecord ended = games.recordStart(duel(1, "first", T0, "alice"));
        games.recordEnd(ended.id(), T0.plusSeconds(100), "victory", null);
        GameRecord running = games.recordStart(duel(2, "second", T0.plusSeconds(10), "alice"));
        GameQuery alice = GameQuery.recent(10).withPlayer("alice");
        assertEquals(List.of(running, ended), games.query(alice));
        assertEquals(List.of(ended), games.query(alice.ended()));
        assertEquals(List.of(running, ended), games.query(alice.withContent("2p_sulla", GameQuery.ContentType.SCENARIO)));
        assertEquals(List.of(running, ended), games.query(alice.withContent("*sulla's*", GameQuery.ContentType.ANY)));
        assertEquals(List.of(running, ended), games.query(alice.withContent("era_default", GameQuery.ContentType.ERA)));
        assertTrue(games.query(alice.withContent("era_default", GameQuery.ContentType.SCENARIO)).isEmpty());
    }

    @Test
    void gamesACrashLeftOpenAreEndedWithAReasonOnce() {
        GameRecord crashed = games.recordStart(duel(1, "crashed", T0, "alice"));
        GameRecord done = games.recordStart(duel(2, "done", T0.plusSeconds(1), "bob"));
        games.recordEnd(done.id(), T0.plusSeconds(50), "victory", null);
        reopen(); // the killed server's records, as the next start finds them
        GameRecord sameRun = games.recordStart(duel(3, "started after the restart", T0.plusSeconds(200), "carol"));
        assertEquals(1, games.endAbandoned(T0.plusSeconds(100), T0.plusSeconds(101), "server restart"));
        assertEquals(0, games.endAbandoned(T0.plusSeconds(100), T0.plusSeconds(102), "server restart"), "once");
        GameRecord closed = games.find(crashed.id()).orElseThrow();
        assertEquals("server restart", closed.terminationReason().orElseThrow());
        assertEquals(T0.plusSeconds(101), closed.ended().orElseThrow());
        assertEquals("victory", games.find(done.id()).orElseThrow().terminationReason().orElseThrow(),
                "an ended game keeps its end");
        assertTrue(sameRun.ended().isEmpty(), "a game started since is not touched");
        assertTrue(games.identityMap().isPinned(sameRun.id()));
        reopen();
        assertEquals(T0.plusSeconds(101), games.find(crashed.id()).orElseThrow().ended().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> games.endAbandoned(T0, T0, ""));
    }

    @Test
    void anotherServersOpenGamesAreNotEnded() {
        GameRecord here = games.recordStart(duel(1, "here", T0, "alice"));
        int ended = database.write("a game of another instance", c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("INSERT INTO game_record (instance, name, era, scenario, started_at) "
                        + "VALUES ('elsewhere', 'there', '', '', " + T0.toEpochMilli() + ")");
            }
        });
        assertEquals(1, ended);
        assertEquals(1, games.endAbandoned(T0.plusSeconds(1), T0.plusSeconds(2), "server restart"));
        assertEquals("server restart", here.terminationReason().orElseThrow(), "the live object says it too");
        assertFalse(games.identityMap().isPinned(here.id()));
        long stillOpen = database.read("open games", c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM game_record WHERE ended_at IS NULL")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertEquals(1, stillOpen);
    }

    // --- attributes ---

    @Test
    void attributesAreTypedAndPersisted() {
        Account alice = accounts.create("alice", "", "x");
        Attributes attributes = alice.attributes();
        attributes.putString("plugin.title", "Warlord ✓");
        attributes.putLong("plugin.rating", 1500);
        attributes.putBoolean("plugin.muted", true);
        attributes.putBytes("plugin.blob", new byte[] {0, 1, 2, (byte) 255});
        attributes.putLong("plugin.rating", 1512); // replaces
        assertEquals(Set.of("plugin.blob", "plugin.muted", "plugin.rating", "plugin.title"), attributes.keys());
        GameRecord game = games.recordStart("g", "", "", List.of("alice"), T0);
        game.attributes().putString("plugin.title", "other entity, same key");
        reopen();
        Attributes stored = accounts.find("alice").orElseThrow().attributes();
        assertEquals("Warlord ✓", stored.getString("plugin.title").orElseThrow());
        assertEquals(1512, stored.getLong("plugin.rating").getAsLong());
        assertEquals(true, stored.getBoolean("plugin.muted").orElseThrow());
        byte[] blob = stored.getBytes("plugin.blob").orElseThrow();
        assertEquals(4, blob.length);
        assertEquals((byte) 255, blob[3]);
        blob[0] = 9; // a copy
        assertEquals(0, stored.getBytes("plugin.blob").orElseThrow()[0]);
        IllegalStateException wrongType = assertThrows(IllegalStateException.class, () -> stored.getLong("plugin.title"));
        assertTrue(wrongType.getMessage().contains("is a string, not a long"), wrongType.getMessage());
        stored.putString("plugin.rating", "now a string");
        assertEquals("now a string", stored.getString("plugin.rating").orElseThrow());
        assertTrue(stored.remove("plugin.muted"));
        assertFalse(stored.remove("plugin.muted"));
        assertTrue(stored.getString("missing").isEmpty());
        assertEquals("other entity, same key", games.find(game.id()).orElseThrow().attributes()
                .getString("plugin.title").orElseThrow());
        reopen();
        assertEquals(Set.of("plugin.blob", "plugin.rating", "plugin.title"),
                accounts.find("alice").orElseThrow().attributes().keys());
    }

    @Test
    void badAttributesAreRefusedClearly() {
        Attributes attributes = accounts.create("alice", "", "x").attributes();
        assertThrows(IllegalArgumentException.class, () -> attributes.putString("", "x"));
        assertThrows(IllegalArgumentException.class, () -> attributes.putString("k".repeat(201), "x"));
        assertThrows(IllegalArgumentException.class, () -> attributes.putString("k", "x".repeat(65537)));
        assertThrows(IllegalArgumentException.class, () -> attributes.putBytes("k", new byte[65537]));
        assertThrows(NullPointerException.class, () -> attributes.putString("k", null));
        attributes.putString("k", "x".repeat(65536));
        assertEquals(65536, attributes.getString("k").orElseThrow().length());
    }

    static List<String> nicks(List<Account> list) {
        return list.stream().map(Account::nick).toList();
    }
}
