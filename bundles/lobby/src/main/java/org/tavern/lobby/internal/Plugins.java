package org.tavern.lobby.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.tavern.transport.Connection;

/**
 * The plugins the lobby and the games consult: message filters, game rules and lobby listeners, in
 * ranking order, each called through the {@link PluginGuard}. Written by the service trackers' thread
 * (copy-on-write lists), read by the actors; with no plugins every call is a check of an empty list.
 */
final class Plugins {

    private static final Logger LOG = LoggerFactory.getLogger(Plugins.class);

    private static final Comparator<GuardedPlugin<?>> RANKING_ORDER =
            Comparator.<GuardedPlugin<?>>comparingInt(plugin -> plugin.ranking).reversed()
                    .thenComparingLong(plugin -> plugin.serviceId);

    private final List<GuardedPlugin<MessageFilter>> filters = new CopyOnWriteArrayList<>();
    private final List<GuardedPlugin<GameRule>> rules = new CopyOnWriteArrayList<>();
    private final List<GuardedPlugin<LobbyListener>> listeners = new CopyOnWriteArrayList<>();
    private final PluginGuard guard;
    /** One thread, so listeners hear events in the order they happened. */
    private final Executor events;

    Plugins(PluginGuard guard, Executor events) {
        this.guard = guard;
        this.events = events;
    }

    /** No plugins, no threads: for lobbies built by tests. */
    static Plugins none() {
        return new Plugins(null, Runnable::run);
    }

    PluginGuard guard() {
        return guard;
    }

    // ------------------------------------------------------------------ arrivals and departures

    void addFilter(GuardedPlugin<MessageFilter> filter) {
        add(filters, filter);
    }

    void addRule(GuardedPlugin<GameRule> rule) {
        add(rules, rule);
    }

    void addListener(GuardedPlugin<LobbyListener> listener) {
        add(listeners, listener);
    }

    /** Removes the plugin of that service id, whatever its role. */
    void remove(long serviceId) {
        filters.removeIf(plugin -> plugin.serviceId == serviceId);
        rules.removeIf(plugin -> plugin.serviceId == serviceId);
        listeners.removeIf(plugin -> plugin.serviceId == serviceId);
    }

    private static synchronized <T> void add(List<GuardedPlugin<T>> list, GuardedPlugin<T> plugin) {
        List<GuardedPlugin<T>> sorted = new ArrayList<>(list);
        sorted.add(plugin);
        sorted.sort(RANKING_ORDER);
        // one replacement, so a reader sees the old or the new order, never a half-sorted list
        list.clear();
        list.addAll(sorted);
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
        for (GuardedPlugin<MessageFilter> filter : filters) {
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
    String screenChat(ChatMessage message, Connection sender, Consumer<String> tellSender) {
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

    /** The first refusal of a rule, or allowed. */
    Decision allowCreate(GameProposal proposal) {
        for (GuardedPlugin<GameRule> rule : rules) {
            Decision decision = guard.call(rule, "deciding on the game '" + proposal.name() + "' of " + proposal.host(),
                    () -> rule.service.allowCreate(proposal), Decision.allow());
            if (!decision.allowed()) {
                return decision;
            }
        }
        return Decision.allow();
    }

    /** The first refusal of a rule, or allowed. */
    Decision allowJoin(String player, GameInfo game, boolean observe) {
        for (GuardedPlugin<GameRule> rule : rules) {
            Decision decision = guard.call(rule, "deciding on " + player + " joining game " + game.id(),
                    () -> rule.service.allowJoin(player, game, observe), Decision.allow());
            if (!decision.allowed()) {
                return decision;
            }
        }
        return Decision.allow();
    }

    /**
     * Tells every listener of an event, later, on the listeners' thread; {@code what} names it for
     * logs. The caller (an actor) never waits.
     */
    void tell(String what, Consumer<LobbyListener> event) {
        if (listeners.isEmpty()) {
            return;
        }
        List<GuardedPlugin<LobbyListener>> now = List.copyOf(listeners);
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
        filters.forEach(plugin -> lines.add(plugin.status()));
        rules.forEach(plugin -> lines.add(plugin.status()));
        listeners.forEach(plugin -> lines.add(plugin.status()));
        return lines;
    }
}
