package org.tavern.identity;

/**
 * Counters of one {@link IdentityMap}.
 *
 * @param size live entries (pinned, recent, and weakly held ones not yet collected)
 * @param pinned entries with at least one pin
 * @param recent unpinned entries held strongly as recently used (bounded)
 * @param hits lookups answered by a live entry
 * @param misses lookups that had to ask the store
 * @param loads entities loaded from the store
 * @param evictions entries dropped after the collector took their entity
 * @param estimatedBytes an estimate of the heap the live entries hold (entities, their attributes
 *     and the map's own entries), from the sizes of their fields
 */
public record CacheStats(String name, int size, int pinned, int recent, long hits, long misses, long loads,
        long evictions, long estimatedBytes) {
}
