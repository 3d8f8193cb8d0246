package org.tavern.lobby.internal.plugin;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One plugin service as the lobby calls it: the service, the name it is logged by, and its recent
 * failures. Switched off for good once it failed too often; a new registration (the plugin updated or
 * restarted) is a new {@code GuardedPlugin} and starts afresh.
 */
final class GuardedPlugin<T> {

    /** What the plugin is (filter, rule, listener), for logs and the status list. */
    final String role;
    /** The bundle's symbolic name, then the plugin's own name or its class. */
    final String name;
    final T service;
    /** Higher runs first; equal rankings in registration order. */
    final int ranking;
    final long serviceId;
    /** The bundle that registered it (0 for plugins made by tests). */
    final long bundleId;

    private final Deque<Long> recentFailures = new ArrayDeque<>();
    private long failures;
    private long calls;
    private boolean failureLogged;
    private volatile boolean switchedOff;

    GuardedPlugin(String role, String name, T service, int ranking, long serviceId) {
        this(role, name, service, ranking, serviceId, 0);
    }

    GuardedPlugin(String role, String name, T service, int ranking, long serviceId, long bundleId) {
        this.bundleId = bundleId;
        this.role = role;
        this.name = name;
        this.service = service;
        this.ranking = ranking;
        this.serviceId = serviceId;
    }

    boolean switchedOff() {
        return switchedOff;
    }

    synchronized void called() {
        calls++;
    }

    /**
     * Counts a failure at {@code nowMillis}; answers whether it is the first one (to log in full) and
     * switches the plugin off when {@code maxFailures} fell within {@code windowMillis}.
     */
    synchronized FailureOutcome failed(long nowMillis, int maxFailures, long windowMillis) {
        failures++;
        recentFailures.addLast(nowMillis);
        while (!recentFailures.isEmpty() && recentFailures.peekFirst() <= nowMillis - windowMillis) {
            recentFailures.removeFirst();
        }
        boolean first = !failureLogged;
        failureLogged = true;
        boolean switchNow = !switchedOff && recentFailures.size() >= maxFailures;
        if (switchNow) {
            switchedOff = true;
        }
        return new FailureOutcome(first, switchNow);
    }

    record FailureOutcome(boolean first, boolean switchedOffNow) {
    }

    synchronized org.tavern.api.PluginState state() {
        return new org.tavern.api.PluginState(bundleId, role, name, calls, failures, switchedOff);
    }

    /** One line for {@code tavern:pluginstatus}. */
    synchronized String status() {
        return String.format(java.util.Locale.ROOT, "%-8s %-12s ranking %d, %d calls, %d failures  %s", role,
                switchedOff ? "SWITCHED-OFF" : "active", ranking, calls, failures, name);
    }
}
