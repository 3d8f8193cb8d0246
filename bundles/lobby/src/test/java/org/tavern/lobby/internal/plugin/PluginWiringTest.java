package org.tavern.lobby.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tavern.api.Decision;
import org.tavern.api.FilterResult;
import org.tavern.api.GameInfo;
import org.tavern.api.GameProposal;
import org.tavern.api.GameRule;
import org.tavern.api.LobbyListener;
import org.tavern.api.MessageFilter;
import org.tavern.api.PlayerInfo;
import org.tavern.lobby.internal.LobbyAssembly;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.lobby.internal.game.GameTest;
import org.tavern.lobby.internal.lobby.Lobby;
import org.tavern.lobby.internal.testing.FakeConnection;
import org.tavern.lobby.internal.testing.LobbyDriver;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** Filters, rules and listeners where the lobby consults them, driven synchronously. */
class PluginWiringTest {

    private final ExecutorService calls = Executors.newFixedThreadPool(2);
    private final Lobby lobby = LobbyAssembly.create(Runnable::run, () -> 1_000_000, Settings.defaults());
    private final Plugins plugins = new Plugins(
            new PluginGuard(calls, System::currentTimeMillis, PluginGuard.Limits.DEFAULTS), Runnable::run);
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<GameProposal> proposals = new CopyOnWriteArrayList<>();
    private final List<GameProposal> laterProposals = new CopyOnWriteArrayList<>();

    PluginWiringTest() {
        lobby.services().usePlugins(plugins);
        plugins.addFilter(new GuardedPlugin<>("filter", "test/words", (MessageFilter) message -> switch (message.text()) {
            case "darn" -> FilterResult.drop("Mind your words.");
            case "heck" -> FilterResult.replace("h**k");
            default -> FilterResult.pass();
        }, 0, 1));
        plugins.addRule(new GuardedPlugin<>("rule", "test/rule", new GameRule() {
            @Override
            public Decision allowCreate(GameProposal proposal) {
                proposals.add(proposal);
                if (proposal.name().contains("frak")) {
                    return Decision.allowAs(proposal.name().replace("frak", "****"));
                }
                return proposal.name().equals("forbidden") ? Decision.refuse("Not that name.") : Decision.allow();
            }
        }, 0, 2));
        plugins.addRule(new GuardedPlugin<>("rule", "test/after-the-first", new GameRule() {
            @Override
            public Decision allowCreate(GameProposal proposal) {
                laterProposals.add(proposal);
                return Decision.allow();
            }
        }, -1, 4));
        plugins.addListener(new GuardedPlugin<>("listener", "test/events", new LobbyListener() {
            @Override
            public void loggedIn(PlayerInfo player) {
                events.add("in " + player.name());
            }

            @Override
            public void loggedOut(String name, String reason) {
                events.add("out " + name);
            }

            @Override
            public void gameCreated(GameInfo game) {
                events.add("created " + game.name() + " by " + game.host());
            }
        }, 0, 3));
    }

    @AfterEach
    void stopThreads() {
        calls.shutdownNow();
    }

    private FakeConnection loggedIn(String name) throws Exception {
        return new LobbyDriver(lobby).loggedIn(name);
    }

    private static Node message(Document document) {
        return document.root().child("message");
    }

    @Test
    void lobbyChatIsFilteredBeforeDelivery() throws Exception {
        FakeConnection alice = loggedIn("alice");
        FakeConnection bob = loggedIn("bob");
        alice.take();
        lobby.received(alice, Document.parse("[message]\n\tmessage=\"darn\"\n[/message]\n"));
        assertTrue(bob.take().isEmpty(), "a dropped message reaches nobody");
        assertEquals("Mind your words.", message(alice.takeOne()).text("message"));

        lobby.received(alice, Document.parse("[message]\n\tmessage=\"heck\"\n[/message]\n"));
        assertEquals("h**k", message(bob.takeOne()).text("message"));
        lobby.received(alice, Document.parse("[message]\n\tmessage=\"hello\"\n[/message]\n"));
        Node passed = message(bob.takeOne());
        assertEquals("hello", passed.text("message"));
        assertEquals("alice", passed.text("sender"));
    }

    @Test
    void whispersAreFilteredBeforeDelivery() throws Exception {
        FakeConnection alice = loggedIn("alice");
        FakeConnection bob = loggedIn("bob");
        alice.take();
        lobby.received(alice, Document.parse("[whisper]\n\treceiver=\"bob\"\n\tmessage=\"darn\"\n[/whisper]\n"));
        assertTrue(bob.take().isEmpty());
        lobby.received(alice, Document.parse("[whisper]\n\treceiver=\"bob\"\n\tmessage=\"heck\"\n[/whisper]\n"));
        assertEquals("h**k", bob.takeOne().root().child("whisper").text("message"));
    }

    @Test
    void aRuleRefusesAGameWhenItsLevelArrivesAndItsHostReturnsToTheLobby() throws Exception {
        FakeConnection alice = loggedIn("alice");
        FakeConnection bob = loggedIn("bob");
        alice.take();
        lobby.received(alice, Document.parse("[create_game]\n\tname=\"forbidden\"\n[/create_game]\n"));
        assertTrue(alice.take().isEmpty(), "nothing is said before the level, as wesnothd");
        lobby.received(alice, Document.parse(GameTest.LEVEL));
        List<Document> answer = alice.take();
        assertNotNull(answer.get(0).root().child("leave_game"), answer.toString());
        assertNotNull(answer.get(1).root().child("gamelist"), "the whole lobby list");
        assertEquals("Not that name.", message(answer.get(2)).text("message"));
        assertEquals(0, lobby.user("alice").gameId);
        assertTrue(lobby.games().isEmpty());
        for (Document document : bob.take()) {
            assertTrue(!document.toString().contains("forbidden"), "nobody saw the game: " + document);
        }
    }

    @Test
    void aRuleSeesTheEraScenarioAndModsOfTheLevel() throws Exception {
        FakeConnection alice = loggedIn("alice");
        lobby.received(alice, Document.parse("[create_game]\n\tname=\"duel\"\n\tpassword=\"secret\"\n[/create_game]\n"));
        lobby.received(alice, Document.parse(GameTest.LEVEL.replace("observer=\"yes\"",
                "observer=\"yes\"\nmp_era=\"era_heroes\"\nmp_scenario=\"2p_Caves\"\nactive_mods=\"plan_unit_advance, rng\"")));
        assertEquals(1, lobby.user("alice").gameId, "allowed: the rule refuses only one name");
        assertEquals(new GameProposal("alice", "duel", true, "era_heroes", "2p_Caves", List.of("plan_unit_advance", "rng")),
                proposals.get(0));
    }

    @Test
    void aRuleRenamesAGameBeforeAnyoneSeesItAndLaterRulesSeeTheNewName() throws Exception {
        FakeConnection alice = loggedIn("alice");
        FakeConnection bob = loggedIn("bob");
        alice.take();
        bob.take();
        lobby.received(alice, Document.parse("[create_game]\n\tname=\"frak night\"\n[/create_game]\n"));
        lobby.received(alice, Document.parse(GameTest.LEVEL));
        assertEquals("**** night", laterProposals.get(0).name());
        List<Document> seenByBob = bob.take();
        assertTrue(seenByBob.stream().anyMatch(document -> document.toString().contains("name=\"**** night\"")),
                seenByBob.toString());
        assertTrue(seenByBob.stream().noneMatch(document -> document.toString().contains("frak")), seenByBob.toString());
        assertEquals("**** night", lobby.games().get(0).name());
        assertEquals("**** night", lobby.user("alice").location);
    }

    @Test
    void listenersHearLoginsLogoutsAndNewGames() throws Exception {
        FakeConnection alice = loggedIn("alice");
        lobby.received(alice, Document.parse("[create_game]\n\tname=\"duel\"\n[/create_game]\n"));
        lobby.disconnected(alice, "quit");
        assertEquals(List.of("in alice", "created duel by alice", "out alice"), events);
    }
}
