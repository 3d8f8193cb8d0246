package org.tavern.identity.internal.command;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.api.CommandIssuer;
import org.tavern.identity.GamePlayer;
import org.tavern.identity.GameRecord;
import org.tavern.identity.GameStart;
import org.tavern.identity.PasswordCheck;
import org.tavern.identity.internal.AccountStore;
import org.tavern.identity.internal.Database;
import org.tavern.identity.internal.GameRecordStore;
import org.tavern.identity.internal.StoreFixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Gogo commands, on an H2 store. */
class CommandsTest {

    @TempDir
    Path folder;
    Database database;
    AccountStore accounts;
    GameRecordStore games;

    @BeforeEach
    void open() {
        database = StoreFixtures.h2(folder);
        accounts = StoreFixtures.accounts(database);
        games = new GameRecordStore(database);
    }

    private static final CommandIssuer CONSOLE = CommandIssuer.fromConsole();

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void everyCommandAnswersHelp() {
        assertTrue(new RegisterCommand(accounts).register("-h").startsWith("usage: register"));
        assertTrue(new RegisterCommand(accounts).register().startsWith("usage: register"));
        assertTrue(new PasswdCommand(accounts).passwd(CONSOLE, "-h").startsWith("usage: passwd"));
        assertTrue(new AccountsCommand(accounts).accounts("-h").startsWith("usage: tavern:accounts"));
        assertTrue(new AccountsCommand(accounts).accounts("*", "-3").startsWith("Not an offset: -3\nusage: tavern:accounts"));
        assertTrue(new AccountsCommand(accounts).accounts("*", "x").startsWith("Not an offset: x\nusage: tavern:accounts"));
        assertTrue(new AccountCommand(accounts).account("-h").startsWith("usage: tavern:account"));
        assertTrue(new AccountCommand(accounts).account().startsWith("usage: tavern:account"));
        assertTrue(caches().caches("-h").startsWith("usage: tavern:caches"));
    }

    @Test
    void registerGeneratesOrSetsThePassword() {
        RegisterCommand register = new RegisterCommand(accounts);
        String generated = register.register("Alice", "alice@example.org");
        assertTrue(generated.startsWith("Registered Alice (account "), generated);
        String password = generated.substring(generated.indexOf("password: ") + "password: ".length());
        assertEquals(16, password.length());
        assertEquals(PasswordCheck.OK, accounts.verify("alice", password));
        assertTrue(register.register("bob", "-", "hunter2").endsWith("password set"));
        assertEquals(PasswordCheck.OK, accounts.verify("bob", "hunter2"));
        assertEquals("", accounts.find("bob").orElseThrow().email());
        assertTrue(register.register("ALICE", "-", "x").startsWith("Not registered: nick ALICE is already registered"));
        assertTrue(register.register("bad nick", "-", "x").startsWith("Not registered: a nick is"));
        assertTrue(register.register("carol", "not-an-email", "x").startsWith("Not registered: not an e-mail"));
    }

    @Test
    void passwdChangesThePassword() {
        accounts.create("alice", "", "old");
        PasswdCommand passwd = new PasswdCommand(accounts);
        assertEquals("Password of alice set", passwd.passwd(CONSOLE, "alice", "new"));
        assertEquals(PasswordCheck.OK, accounts.verify("alice", "new"));
        String generated = passwd.passwd(CONSOLE, "alice");
        assertEquals(PasswordCheck.OK, accounts.verify("alice", generated.substring(generated.lastIndexOf(' ') + 1)));
        assertTrue(passwd.passwd(CONSOLE, "ghost", "x").startsWith("No account ghost"));
    }

    @Test
    void aModeratorSetsThePasswordOfPlayersButNotOfModerators() throws Exception {
        accounts.create("alice", "", "old");
        accounts.create("mod", "", "old");
        accounts.setModerator("mod", true);
        PasswdCommand passwd = new PasswdCommand(accounts);
        CommandIssuer moderator = CommandIssuer.player("boss", true);
        assertEquals("Password of alice set",
                passwd.execute(moderator, "alice new").toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertEquals(PasswordCheck.OK, accounts.verify("alice", "new"));
        assertEquals(PasswdCommand.MODERATOR_ACCOUNT,
                passwd.execute(moderator, "mod new").toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertEquals(PasswordCheck.OK, accounts.verify("mod", "old"));
        assertEquals("Password of mod set",
                passwd.execute(CONSOLE, " mod   new ").toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertEquals(PasswordCheck.OK, accounts.verify("mod", "new"));
        passwd.deactivate();
    }

    @Test
    void theAccountCommandsMarkTheirPasswordsSecret() {
        RegisterCommand register = new RegisterCommand(accounts);
        PasswdCommand passwd = new PasswdCommand(accounts);
        assertEquals("alice **** ****", register.loggableArguments("alice - s3cret"));
        assertEquals("alice ****", register.loggableArguments("alice -"));
        // a password typed where the e-mail goes is not logged either
        assertEquals("alice ****", register.loggableArguments("alice s3cret"));
        assertEquals("alice ****", passwd.loggableArguments("alice s3cret"));
        register.deactivate();
        passwd.deactivate();
    }

    @Test
    void accountsListAndAccountChanges() {
        accounts.create("alice", "a@example.org", "x");
        accounts.create("bob", "", "x");
        String list = new AccountsCommand(accounts).accounts();
        assertTrue(list.contains("alice") && list.contains("bob") && list.endsWith("2 shown from 0; 2 registered"), list);
        assertTrue(new AccountsCommand(accounts).accounts("zed*").startsWith("No accounts match zed*"));
        assertTrue(new AccountsCommand(accounts).accounts("*", "x").startsWith("Not an offset"));
        AccountCommand account = new AccountCommand(accounts);
        String shown = account.account("alice", "moderator", "yes", "email", "-");
        assertTrue(shown.contains("moderator:  yes") && shown.contains("email:      (none)"), shown);
        assertTrue(accounts.find("alice").orElseThrow().moderator());
        assertTrue(account.account("alice", "inactive", "maybe").startsWith("Not yes or no"));
        assertTrue(account.account("alice", "colour", "red").startsWith("Unknown setting"));
        assertTrue(account.account("ghost").startsWith("No account ghost"));
        assertTrue(account.account("alice", "email", "bad").startsWith("Not changed: not an e-mail"));
    }

    @Test
    void historyListsTheGamesWithHowEachEnded() {
        HistoryCommand command = new HistoryCommand(games);
        assertEquals("No games recorded.", command.history());
        GameRecord first = games.recordStart(new GameStart(3, "Duel", "2p_Sulla", "Sulla's Ruins", "era_default", "Default",
                List.of(), List.of(new GamePlayer("alice", 1, "Drakes"), new GamePlayer("bob", 2, "")), StoreFixtures.T0));
        games.recordEnd(first.id(), StoreFixtures.T0.plusSeconds(600), "victory", "replays/Sulla_Turn_4_(3).bz2");
        games.recordStart("Second", "Default", "Caves", List.of("carol"), StoreFixtures.T0.plusSeconds(60));
        String listed = command.history();
        String[] lines = listed.split("\n");
        assertEquals(4, lines.length, listed);
        assertTrue(lines[1].contains("running") && lines[1].contains("Second") && lines[1].contains("1:carol / - / -"),
                lines[1]);
        assertTrue(lines[2].contains("2026-01-01 12:10") && lines[2].contains("1:alice(Drakes) 2:bob / victory / "
                + "replays/Sulla_Turn_4_(3).bz2"), lines[2]);
        assertEquals("2 shown from 0", lines[3]);
        assertTrue(command.history("ALICE").contains("Duel"));
        assertFalse(command.history("ALICE").contains("Second"));
        assertEquals("No games recorded for nobody.", command.history("nobody"));
        assertEquals("No games recorded from 5.", command.history("", "5"));
        assertTrue(command.history("", "-1").startsWith("Not an offset"));
        assertTrue(command.history("-h").startsWith("usage:"));
    }

    @Test
    void cachesReportsAndFlushes() {
        accounts.create("alice", "", "x");
        games.recordStart("g", "", "", List.of("alice"), StoreFixtures.T0);
        CachesCommand caches = caches();
        String report = caches.caches();
        assertTrue(report.startsWith("CACHE"), report);
        assertTrue(report.contains("accounts") && report.contains("games"), report);
        String flushed = caches.caches("flush");
        assertTrue(flushed.startsWith("Flushed: 2 recently used entries released"), flushed);
        assertTrue(caches.caches("gc").contains("heap used"));
        assertTrue(caches.caches("bogus").startsWith("usage:"));
    }

    private CachesCommand caches() {
        return new CachesCommand(List.of(accounts.identityMap(), games.identityMap()));
    }
}
