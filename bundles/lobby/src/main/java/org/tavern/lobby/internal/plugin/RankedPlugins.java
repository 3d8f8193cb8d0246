package org.tavern.lobby.internal.plugin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Plugins of one role in calling order (highest {@code service.ranking} first, then oldest). Changed
 * by the service trackers' thread, read by the actors without a lock: every change publishes a new
 * immutable list, so a reader sees the old order or the new one, never a list being rebuilt (a
 * message filtered during another plugin's arrival still meets every filter).
 */
final class RankedPlugins<T> {

    private static final Comparator<GuardedPlugin<?>> RANKING_ORDER =
            Comparator.<GuardedPlugin<?>>comparingInt(plugin -> plugin.ranking).reversed()
                    .thenComparingLong(plugin -> plugin.serviceId);

    private volatile List<GuardedPlugin<T>> inOrder = List.of();

    /** The plugins now, in calling order; later changes do not affect it. */
    List<GuardedPlugin<T>> snapshot() {
        return inOrder;
    }

    boolean isEmpty() {
        return inOrder.isEmpty();
    }

    synchronized void add(GuardedPlugin<T> plugin) {
        List<GuardedPlugin<T>> sorted = new ArrayList<>(inOrder);
        sorted.add(plugin);
        sorted.sort(RANKING_ORDER);
        inOrder = List.copyOf(sorted);
    }

    synchronized void remove(long serviceId) {
        List<GuardedPlugin<T>> kept = new ArrayList<>(inOrder);
        if (kept.removeIf(plugin -> plugin.serviceId == serviceId)) {
            inOrder = List.copyOf(kept);
        }
    }
}
