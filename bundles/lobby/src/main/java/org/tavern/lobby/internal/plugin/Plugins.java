package org.tavern.lobby.internal.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.api.ChatMessage;
import org.tavern.api.Decision;
import org.tavern.api.FilterResult;
import org.tavern.api.GameInfo;
import org.tavern.api.GameProposal;
import org.tavern.api.GameRule;
import org.tavern.api.LobbyListener;
import org.tavern.api.MessageFilter;
import org.tavern.api.PluginState;
import org.tavern.api.TurnCommand;
import org.tavern.transport.Connection;
import org.tavern.lobby.internal.common.ServerMessages;

/**
 * The plugins the lobby and the games consult: message filters, game rules and lobby listeners, in
 * ranking order, each called through the {@link PluginGuard}. Written by the service trackers' thread
 * (each change publishes a new list), read by the actors; with no plugins every call is a check of an empty list.
 */
public final class Plugins {

    private static final Logger LOG = LoggerFactory.getLogger(Plugins.class);

    private final RankedPlugins<MessageFilter> filters = new RankedPlugins<>();
    private final RankedPlugins<GameRule> rules = new RankedPlugins<>();
    /** The rules that override {@link GameRule#allowTurnCommand}: the only ones the relay asks about turns. */
    private final RankedPlugins<GameRule> turnRules = new RankedPlugins<>();
    private final RankedPlugins<LobbyListener> listeners = new RankedPlugins<>();
    private final PluginGuard guard;
    /** One thread, so listeners hear events in the order they happened. */
    private final Executor events;

    public Plugins(PluginGuard guard, Executor events) {
        this.guard = guard;
        this.events = events;
    }

    /** No plugins, no threads: for lobbies built by tests. */
    public static Plugins none() {
        return new Plugins(null, Runnable::run);
    }

    public PluginGuard guard() {
        return guard;
    }

    // ------------------------------------------------------------------ arrivals and departures

    void addFilter(GuardedPlugin<MessageFilter> filter) {
        add(filters, filter);
    }

    void addRule(GuardedPlugin<GameRule> rule) {
        if (overridesTurnHook(rule.service)) {
            turnRules.add(rule);
        }
        add(rules, rule);
    }

    /**
     * Whether the rule's class has its own {@code allowTurnCommand}; checked once on arrival, so a
     * game pays nothing per command for rules that leave the default (allow everything).
     */
    static boolean overridesTurnHook(GameRule rule) {
        try {
            return rule.getClass().getMethod("allowTurnCommand", TurnCommand.class).getDeclaringClass()
                    != GameRule.class;
        } catch (NoSuchMethodException cannotHappen) {
            throw new IllegalStateException("GameRule without allowTurnCommand", cannotHappen);
        }
    }

    void addListener(GuardedPlugin<LobbyListener> listener) {
        add(listeners, listener);
    }

    /** Removes the plugin of that service id, whatever its role. */
    void remove(long serviceId) {
        filters.remove(serviceId);
        rules.remove(serviceId);
        turnRules.remove(serviceId);
        listeners.remove(serviceId);
    }

    private static <T> void add(RankedPlugins<T> list, GuardedPlugin<T> plugin) {
        list.add(plugin);
        LOG.info("Plugin {} {} added (ranking {})", plugin.role, plugin.name, plugin.ranking);
    }

    // ------------------------------------------------------------------ calls

    /**
     * The message's fate after every filter: {@code PASS} (unchanged), {@code REPLACE} with the text
     * the last rewriting filter left, or the first {@code DROP} or {@code DISCONNECT}, which ends the
     * chain.
     */
    FilterResult filter(ChatMessage message) {
        if (filters.isEmpty()) {
            return FilterResult.pass();
        }
        ChatMessage current = message;
        boolean replaced = false;
        for (GuardedPlugin<MessageFilter> filter : filters.snapshot()) {
            ChatMessage seen = current;
            FilterResult result = guard.call(filter, "filtering a message from " + seen.sender(),
                    () -> filter.service.filter(seen), FilterResult.pass());
            switch (result.action()) {
                case PASS -> { }
                case REPLACE -> {
                    current = current.withText(result.text());
                    replaced = true;
                }
                case DROP, DISCONNECT -> {
                    return result;
                }
            }
        }
        return replaced ? FilterResult.replace(current.text()) : FilterResult.pass();
    }

    /**
     * Filters a player's chat message and carries out a drop or disconnect: answers the text to
     * deliver (the same string when every filter passed), or null when nothing is to be delivered.
     *
     * @param tellSender how the sender is told why his message was dropped
     */
    public String screenChat(ChatMessage message, Connection sender, Consumer<String> tellSender) {
        FilterResult result = filter(message);
        switch (result.action()) {
            case PASS:
                return message.text();
            case REPLACE:
                return bounded(result.text(), message.text());
            case DROP:
                if (!result.text().isEmpty()) {
                    tellSender.accept(result.text());
                }
                return null;
            default:
                LOG.info("{} disconnected by a message filter: {}", message.sender(), result.text());
                sender.send(ServerMessages.error(result.text().isEmpty() ? "Disconnected by the server." : result.text()));
                sender.close("disconnected by a message filter");
                return null;
        }
    }

    /** wesnothd's limit on a lobby chat line, in characters. */
    static final int CHAT_LIMIT = 256;

    /**
     * A filter's replacement is cut to 256 characters, or to the original's length if that was
     * longer: a plugin may rewrite a message but not make the server relay an unbounded one.
     */
    static String bounded(String replacement, String original) {
        int limit = Math.max(CHAT_LIMIT, original.codePointCount(0, original.length()));
        if (replacement.codePointCount(0, replacement.length()) <= limit) {
            return replacement;
        }
        return replacement.substring(0, replacement.offsetByCodePoints(0, limit));
    }

    /** The first refusal of a rule, or allowed (under the name the rules gave the game, if they renamed it). */
    public Decision allowCreate(GameProposal proposal) {
        GameProposal asSeen = proposal;
        for (GuardedPlugin<GameRule> rule : rules.snapshot()) {
            GameProposal asked = asSeen;
            Decision decision = guard.call(rule, "deciding on the game '" + asked.name() + "' of " + asked.host(),
                    () -> rule.service.allowCreate(asked), Decision.allow());
            if (!decision.allowed()) {
                return decision;
            }
            if (!decision.gameName().isBlank()) {
                asSeen = asSeen.withName(bounded(decision.gameName(), proposal.name()));
            }
        }
        return asSeen.name().equals(proposal.name()) ? Decision.allow() : Decision.allowAs(asSeen.name());
    }

    /** The first refusal of a rule, or allowed. */
    public Decision allowJoin(String player, GameInfo game, boolean observe) {
        for (GuardedPlugin<GameRule> rule : rules.snapshot()) {
            Decision decision = guard.call(rule, "deciding on " + player + " joining game " + game.id(),
                    () -> rule.service.allowJoin(player, game, observe), Decision.allow());
            if (!decision.allowed()) {
                return decision;
            }
        }
        return Decision.allow();
    }

    /** Whether any rule looks at turn commands: the relay's one check per turn when none does. */
    public boolean screensTurns() {
        return !turnRules.isEmpty();
    }

    /**
     * The turn rules' verdict on a turn's commands: for each command, the first refusal, or null if
     * every rule allows it. Each rule is called once per turn (one guarded call for all its commands);
     * a later rule sees only the commands the earlier ones allowed. A rule that fails allows the whole
     * turn, as any failing plugin call counts as allowed.
     */
    public Decision[] allowTurnCommands(List<TurnCommand> commands) {
        Decision[] refusals = new Decision[commands.size()];
        for (GuardedPlugin<GameRule> rule : turnRules.snapshot()) {
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < refusals.length; i++) {
                if (refusals[i] == null) {
                    open.add(i);
                }
            }
            if (open.isEmpty()) {
                break;
            }
            TurnCommand first = commands.get(open.get(0));
            Decision[] answers = guard.call(rule, "deciding on " + open.size() + " commands of " + first.sender()
                    + " in game " + first.game().id(), () -> {
                        Decision[] decided = new Decision[open.size()];
                        for (int j = 0; j < decided.length; j++) {
                            decided[j] = Objects.requireNonNull(rule.service.allowTurnCommand(commands.get(open.get(j))),
                                    "allowTurnCommand answered null");
                        }
                        return decided;
                    }, null);
            if (answers == null) {
                continue;
            }
            for (int j = 0; j < answers.length; j++) {
                if (!answers[j].allowed()) {
                    refusals[open.get(j)] = answers[j];
                }
            }
        }
        return refusals;
    }

    /**
     * Tells every listener of an event, later, on the listeners' thread; {@code what} names it for
     * logs. The caller (an actor) never waits.
     */
    public void tell(String what, Consumer<LobbyListener> event) {
        if (listeners.isEmpty()) {
            return;
        }
        List<GuardedPlugin<LobbyListener>> now = listeners.snapshot();
        try {
            events.execute(() -> {
                for (GuardedPlugin<LobbyListener> listener : now) {
                    guard.run(listener, "hearing " + what, () -> event.accept(listener.service));
                }
            });
        } catch (RejectedExecutionException full) {
            LOG.warn("The lobby listeners' queue is full; '{}' was not delivered to them", what);
        }
    }

    /** Every plugin with its state, for {@code tavern:pluginstatus}. */
    List<String> status() {
        List<String> lines = new ArrayList<>();
        filters.snapshot().forEach(plugin -> lines.add(plugin.status()));
        rules.snapshot().forEach(plugin -> lines.add(plugin.status()));
        listeners.snapshot().forEach(plugin -> lines.add(plugin.status()));
        return lines;
    }

    /** Every plugin with its counters, in calling order (filters, rules, listeners), for the plugin states service. */
    public List<PluginState> states() {
        List<PluginState> states = new ArrayList<>();
        filters.snapshot().forEach(plugin -> states.add(plugin.state()));
        rules.snapshot().forEach(plugin -> states.add(plugin.state()));
        listeners.snapshot().forEach(plugin -> states.add(plugin.state()));
        return states;
    }
}
