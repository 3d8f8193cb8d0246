package org.tavern.lobby.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tavern.api.ChatMessage;
import org.tavern.api.Decision;
import org.tavern.api.FilterResult;
import org.tavern.api.GameInfo;
import org.tavern.api.GameProposal;
import org.tavern.api.GameRule;
import org.tavern.api.LobbyListener;
import org.tavern.api.MessageFilter;
import org.tavern.api.TurnCommand;
import org.tavern.lobby.internal.testing.FakeConnection;

/** The filter chain, the rules and the listeners, each called through the guard. */
class PluginsTest {

    private static final long BUDGET_MILLIS = 100;

    private final ExecutorService calls = Executors.newFixedThreadPool(2);
    private long now = 1_000_000;
    private final Plugins plugins = new Plugins(
            new PluginGuard(calls, () -> now, new PluginGuard.Limits(BUDGET_MILLIS, 3, 60_000)), Runnable::run);
    private long nextServiceId = 1;

    @AfterEach
    void stopThreads() {
        calls.shutdownNow();
    }

    private static ChatMessage lobbyChat(String text) {
        return new ChatMessage(ChatMessage.Kind.LOBBY_CHAT, "alice", "", 0, text);
    }

    private GuardedPlugin<MessageFilter> filter(int ranking, MessageFilter filter) {
        GuardedPlugin<MessageFilter> plugin = new GuardedPlugin<>("filter", "test/" + ranking, filter, ranking,
                nextServiceId++);
        plugins.addFilter(plugin);
        return plugin;
    }

    @Test
    void aReplacementIsBoundedToTheChatLimitOrTheOriginalLength() {
        String huge = "x".repeat(10_000);
        assertEquals(Plugins.CHAT_LIMIT, Plugins.bounded(huge, "short").length());
        assertEquals(300, Plugins.bounded(huge, "y".repeat(300)).length(), "never shorter than the original");
        assertEquals("fine", Plugins.bounded("fine", "original"));
        String emoji = "\uD83D\uDE00".repeat(300);
        assertEquals(Plugins.CHAT_LIMIT, Plugins.bounded(emoji, "").codePointCount(0, Plugins.bounded(emoji, "").length()),
                "counted in characters, never splitting one");
    }

    @Test
    void withoutFiltersEveryMessagePasses() {
        assertEquals(FilterResult.pass(), plugins.filter(lobbyChat("hello")));
    }

    @Test
    void filtersRunByRankingAndEachSeesTheTextTheOneBeforeLeft() {
        filter(1, message -> FilterResult.replace(message.text() + " low"));
        filter(10, message -> FilterResult.replace(message.text() + " high"));
        filter(5, message -> FilterResult.pass());
        assertEquals(FilterResult.replace("hi high low"), plugins.filter(lobbyChat("hi")));
    }

    @Test
    void dropEndsTheChain() {
        AtomicInteger laterCalls = new AtomicInteger();
        filter(10, message -> FilterResult.drop("No swearing."));
        filter(1, message -> {
            laterCalls.incrementAndGet();
            return FilterResult.pass();
        });
        assertEquals(FilterResult.drop("No swearing."), plugins.filter(lobbyChat("darn")));
        assertEquals(0, laterCalls.get());
    }

    @Test
    void disconnectClosesTheSendersConnectionAndDeliversNothing() {
        filter(0, message -> FilterResult.disconnect("Spam."));
        FakeConnection sender = new FakeConnection("127.0.0.1");
        assertEquals(null, plugins.screenChat(lobbyChat("buy gold"), sender, reply -> { }));
        assertEquals("Spam.", sender.takeOne().root().child("error").text("message"));
        assertTrue(sender.closedBecause != null);
    }

    @Test
    void dropTellsTheSenderAndDeliversNothing() {
        filter(0, message -> FilterResult.drop("Not here."));
        List<String> told = new ArrayList<>();
        assertEquals(null, plugins.screenChat(lobbyChat("x"), new FakeConnection("127.0.0.1"), told::add));
        assertEquals(List.of("Not here."), told);
    }

    @Test
    void aThrowingFilterIsSkippedAndTheNextStillRuns() {
        filter(10, message -> {
            throw new IllegalStateException("broken plugin");
        });
        filter(1, message -> FilterResult.replace("filtered"));
        assertEquals(FilterResult.replace("filtered"), plugins.filter(lobbyChat("x")));
    }

    @Test
    void aSlowFilterCountsAsPassWithinItsBudget() {
        filter(10, message -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FilterResult.drop("too late");
        });
        long start = System.nanoTime();
        assertEquals(FilterResult.pass(), plugins.filter(lobbyChat("x")));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMillis < BUDGET_MILLIS + 2_000, "gave up after the budget, took " + tookMillis + " ms");
    }

    @Test
    void aFilterFailingTooOftenWithinTheWindowIsSwitchedOff() {
        AtomicInteger called = new AtomicInteger();
        GuardedPlugin<MessageFilter> broken = filter(0, message -> {
            called.incrementAndGet();
            throw new IllegalStateException("always");
        });
        for (int i = 0; i < 5; i++) {
            plugins.filter(lobbyChat("x"));
        }
        assertTrue(broken.switchedOff());
        assertEquals(3, called.get(), "not called once switched off");
        assertTrue(plugins.status().get(0).contains("SWITCHED-OFF"), plugins.status().toString());
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        GuardedPlugin<MessageFilter> flaky = filter(0, message -> {
            throw new IllegalStateException("sometimes");
        });
        for (int i = 0; i < 5; i++) {
            plugins.filter(lobbyChat("x"));
            now += 30_000;
        }
        assertFalse(flaky.switchedOff());
    }

    @Test
    void theFirstRefusingRuleDecides() {
        plugins.addRule(new GuardedPlugin<>("rule", "test/open", new GameRule() { }, 10, nextServiceId++));
        plugins.addRule(new GuardedPlugin<>("rule", "test/no-night", new GameRule() {
            @Override
            public Decision allowCreate(GameProposal proposal) {
                return proposal.name().contains("night") ? Decision.refuse("No night games.") : Decision.allow();
            }
        }, 5, nextServiceId++));
        assertEquals(Decision.refuse("No night games."), plugins.allowCreate(new GameProposal("bob", "night fight", false)));
        assertEquals(Decision.allow(), plugins.allowCreate(new GameProposal("bob", "day fight", false)));
    }

    @Test
    void aThrowingRuleAllows() {
        plugins.addRule(new GuardedPlugin<>("rule", "test/broken", new GameRule() {
            @Override
            public Decision allowCreate(GameProposal proposal) {
                throw new IllegalStateException("broken rule");
            }
        }, 0, nextServiceId++));
        assertEquals(Decision.allow(), plugins.allowCreate(new GameProposal("bob", "g", false)));
    }

    private static TurnCommand command(String name, Map<String, String> attributes) {
        GameInfo game = new GameInfo(1, "Duel", "host", true, 1, List.of("host", "join"), List.of(), "duel",
                java.time.Instant.EPOCH);
        return new TurnCommand(game, "host", 1, name, attributes);
    }

    @Test
    void onlyRulesThatOverrideTheTurnHookScreenTurns() {
        plugins.addRule(new GuardedPlugin<>("rule", "test/joins-only", new GameRule() {
            @Override
            public Decision allowJoin(String player, GameInfo game, boolean observe) {
                return Decision.refuse("no");
            }
        }, 0, nextServiceId++));
        assertFalse(plugins.screensTurns(), "a rule leaving allowTurnCommand to the default costs turns nothing");
        long turnRule = nextServiceId++;
        plugins.addRule(new GuardedPlugin<>("rule", "test/no-recruits", new GameRule() {
            @Override
            public Decision allowTurnCommand(TurnCommand command) {
                return Decision.allow();
            }
        }, 0, turnRule));
        assertTrue(plugins.screensTurns());
        plugins.remove(turnRule);
        assertFalse(plugins.screensTurns(), "gone with its service");
    }

    @Test
    void eachCommandGetsTheFirstRefusalAndALaterRuleSeesOnlyWhatEarlierOnesAllowed() {
        List<String> seenByLater = new ArrayList<>();
        plugins.addRule(new GuardedPlugin<>("rule", "test/no-recruits", new GameRule() {
            @Override
            public Decision allowTurnCommand(TurnCommand command) {
                return command.name().equals("recruit") ? Decision.refuse("No recruiting " + command.attribute("type", "?"))
                        : Decision.allow();
            }
        }, 10, nextServiceId++));
        plugins.addRule(new GuardedPlugin<>("rule", "test/no-moves", new GameRule() {
            @Override
            public Decision allowTurnCommand(TurnCommand command) {
                seenByLater.add(command.name());
                return command.name().equals("move") ? Decision.refuse("") : Decision.allow();
            }
        }, 5, nextServiceId++));
        Decision[] refusals = plugins.allowTurnCommands(List.of(command("recruit", Map.of("type", "Elvish Archer")),
                command("move", Map.of("x", "1,2")), command("end_turn", Map.of())));
        assertEquals(Decision.refuse("No recruiting Elvish Archer"), refusals[0]);
        assertEquals(Decision.refuse(""), refusals[1]);
        assertEquals(null, refusals[2]);
        assertEquals(List.of("move", "end_turn"), seenByLater);
    }

    @Test
    void aFailingTurnRuleAllowsTheWholeTurn() {
        plugins.addRule(new GuardedPlugin<>("rule", "test/null", new GameRule() {
            @Override
            public Decision allowTurnCommand(TurnCommand command) {
                return command.name().equals("move") ? null : Decision.refuse("everything else");
            }
        }, 0, nextServiceId++));
        Decision[] refusals = plugins.allowTurnCommands(List.of(command("end_turn", Map.of()), command("move", Map.of())));
        assertEquals(null, refusals[0], "a null answer fails the call, which counts as allowed");
        assertEquals(null, refusals[1]);
        assertTrue(plugins.status().get(0).contains("1 failures"), plugins.status().toString());
    }

    @Test
    void listenersHearEventsAndARemovedOneNoLonger() {
        List<String> heard = new ArrayList<>();
        plugins.addListener(new GuardedPlugin<>("listener", "test/log", new LobbyListener() {
            @Override
            public void loggedOut(String name, String reason) {
                heard.add(name + ": " + reason);
            }
        }, 0, 77));
        plugins.tell("a logout", listener -> listener.loggedOut("alice", "quit"));
        plugins.remove(77);
        plugins.tell("a logout", listener -> listener.loggedOut("bob", "quit"));
        assertEquals(List.of("alice: quit"), heard);
    }
}
