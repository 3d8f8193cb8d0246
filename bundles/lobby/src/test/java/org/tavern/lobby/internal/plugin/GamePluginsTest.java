package org.tavern.lobby.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.tavern.api.GameRule;
import org.tavern.api.LobbyListener;
import org.tavern.api.MessageFilter;
import org.tavern.api.TurnCommand;
import org.tavern.lobby.internal.LobbyAssembly;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.lobby.internal.game.GameTest;
import org.tavern.lobby.internal.lobby.Lobby;
import org.tavern.lobby.internal.testing.FakeConnection;
import org.tavern.lobby.internal.testing.LobbyDriver;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** Filters on game chat and speaks, rules on joining, listeners on a game's start and end. */
class GamePluginsTest {

    private final ExecutorService calls = Executors.newFixedThreadPool(2);
    private final Lobby lobby = LobbyAssembly.create(Runnable::run, () -> 1_000_000, Settings.defaults());
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<TurnCommand> turnCommands = new CopyOnWriteArrayList<>();

    GamePluginsTest() {
        Plugins plugins = new Plugins(new PluginGuard(calls, System::currentTimeMillis, PluginGuard.Limits.DEFAULTS),
                Runnable::run);
        lobby.services().usePlugins(plugins);
        plugins.addFilter(new GuardedPlugin<>("filter", "test/words", (MessageFilter) message -> switch (message.text()) {
            case "darn" -> FilterResult.drop("Mind your words.");
            case "heck" -> FilterResult.replace("h**k");
            default -> FilterResult.pass();
        }, 0, 1));
        plugins.addRule(new GuardedPlugin<>("rule", "test/one-observer", new GameRule() {
            @Override
            public Decision allowJoin(String player, GameInfo game, boolean observe) {
                return observe && !game.observers().isEmpty() ? Decision.refuse("One observer only.") : Decision.allow();
            }
        }, 0, 2));
        plugins.addRule(new GuardedPlugin<>("rule", "test/no-recruits", new GameRule() {
            @Override
            public Decision allowTurnCommand(TurnCommand command) {
                turnCommands.add(command);
                return command.name().equals("recruit") ? Decision.refuse("No recruiting in this game.") : Decision.allow();
            }
        }, 0, 4));
        plugins.addListener(new GuardedPlugin<>("listener", "test/events", new LobbyListener() {
            @Override
            public void gameStarted(GameInfo game) {
                events.add("started " + game.name() + " " + game.players());
            }

            @Override
            public void gameEnded(int gameId, String name, String reason) {
                events.add("ended " + name + " " + reason);
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

    private void send(FakeConnection connection, String wml) throws Exception {
        lobby.received(connection, Document.parse(wml));
    }

    private static String speakOf(Document document) {
        Node turn = document.root().child("turn");
        Node speak = turn == null ? null : turn.child("command").child("speak");
        return speak == null ? null : speak.attr("message");
    }

    /** host creates "Duel" and sends its level; join takes side 2. */
    private void openDuel(FakeConnection host, FakeConnection join) throws Exception {
        send(host, "[create_game]\nname=\"Duel\"\npassword=\"\"\n[/create_game]\n");
        send(host, GameTest.LEVEL);
        send(join, "[join]\nid=\"1\"\nobserve=\"no\"\n[/join]\n");
        host.take();
        join.take();
    }

    @Test
    void gameChatBeforeTheStartIsFiltered() throws Exception {
        FakeConnection host = loggedIn("host");
        FakeConnection join = loggedIn("join");
        openDuel(host, join);
        send(join, "[message]\nmessage=\"darn\"\n[/message]\n");
        assertTrue(host.take().isEmpty(), "dropped");
        assertEquals("Mind your words.", join.takeOne().root().child("message").text("message"));
        send(join, "[message]\nmessage=\"heck\"\n[/message]\n");
        assertEquals("h**k", host.takeOne().root().child("message").text("message"));
    }

    @Test
    void speaksInATurnAreFilteredAndTheRestOfTheTurnStillGoesOut() throws Exception {
        FakeConnection host = loggedIn("host");
        FakeConnection join = loggedIn("join");
        openDuel(host, join);
        send(host, "[start_game]\n[/start_game]\n");
        join.take();
        host.take();
        send(host, "[turn]\n[command]\n[speak]\nmessage=\"darn\"\n[/speak]\n[/command]\n"
                + "[command]\n[move]\nx=\"1\"\n[/move]\n[/command]\n[/turn]\n");
        Node turn = join.takeOne().root().child("turn");
        assertEquals(1, turn.children("command").size(), "the speak was taken out, the move kept");
        assertTrue(turn.child("command").child("move") != null);
        assertEquals("Mind your words.", speakOf(host.takeOne()));
        send(host, "[turn]\n[command]\n[speak]\nmessage=\"heck\"\n[/speak]\n[/command]\n[/turn]\n");
        assertEquals("h**k", speakOf(join.takeOne()));
    }

    @Test
    void aTurnRuleRefusesACommandLikeAnIllegalOneAndTheRestOfTheTurnGoesOut() throws Exception {
        FakeConnection host = loggedIn("host");
        FakeConnection join = loggedIn("join");
        openDuel(host, join);
        send(host, "[start_game]\n[/start_game]\n");
        join.take();
        host.take();
        long callsBefore = callsOfTurnRule();
        send(host, "[turn]\n[command]\n[recruit]\ntype=\"Elvish Archer\"\nx=\"5\"\ny=\"6\"\n[/recruit]\n[/command]\n"
                + "[command]\n[move]\nx=\"1,2\"\ny=\"3,4\"\n[/move]\n[/command]\n[/turn]\n");
        String removal = "Removing illegal command 'recruit' from: host. Current player is: host (1/2).";
        List<Document> toJoin = join.take();
        assertEquals(removal, speakOf(toJoin.get(0)), "announced to everyone, as the server's own removals");
        Node turn = toJoin.get(1).root().child("turn");
        assertEquals(1, turn.children("command").size(), toJoin.toString());
        assertEquals("1,2", turn.child("command").child("move").attr("x"));
        List<Document> toHost = host.take();
        assertEquals(List.of(removal, "No recruiting in this game."), toHost.stream().map(GamePluginsTest::speakOf).toList());

        TurnCommand recruit = turnCommands.get(0);
        assertEquals("host", recruit.sender());
        assertEquals(1, recruit.side());
        assertEquals("Elvish Archer", recruit.attribute("type", ""));
        assertEquals(1, recruit.game().id());
        assertEquals("move", turnCommands.get(1).name());
        assertEquals(callsBefore + 1, callsOfTurnRule(), "one call for the whole turn");
    }

    private long callsOfTurnRule() {
        return lobby.plugins().states().stream().filter(state -> state.name().equals("test/no-recruits"))
                .findFirst().orElseThrow().calls();
    }

    @Test
    void commandsTheServerFindsIllegalNeverReachTheTurnRules() throws Exception {
        FakeConnection host = loggedIn("host");
        FakeConnection join = loggedIn("join");
        openDuel(host, join);
        send(host, "[start_game]\n[/start_game]\n");
        join.take();
        host.take();
        send(join, "[turn]\n[command]\n[move]\nx=\"1\"\n[/move]\n[/command]\n[/turn]\n");
        assertEquals("Removing illegal command 'move' from: join. Current player is: host (1/2).",
                speakOf(host.takeOne()));
        assertTrue(turnCommands.isEmpty(), turnCommands.toString());
    }

    @Test
    void aRuleRefusesAnObserverWithItsReason() throws Exception {
        FakeConnection host = loggedIn("host");
        FakeConnection join = loggedIn("join");
        FakeConnection first = loggedIn("first");
        FakeConnection second = loggedIn("second");
        openDuel(host, join);
        send(first, "[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n");
        assertEquals(1, lobby.user("first").gameId);
        second.take();
        send(second, "[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n");
        List<Document> refusal = second.take();
        assertTrue(refusal.get(0).root().child("leave_game") != null, refusal.toString());
        assertEquals("One observer only.", refusal.get(1).root().child("message").text("message"));
        assertEquals(0, lobby.user("second").gameId);
    }

    @Test
    void listenersHearAGameStartAndEnd() throws Exception {
        FakeConnection host = loggedIn("host");
        FakeConnection join = loggedIn("join");
        openDuel(host, join);
        send(host, "[start_game]\n[/start_game]\n");
        send(host, "[leave_game]\n[/leave_game]\n");
        send(join, "[leave_game]\n[/leave_game]\n");
        assertEquals("started Duel [host, join]", events.get(0));
        assertTrue(events.get(1).startsWith("ended Duel "), events.toString());
    }
}
