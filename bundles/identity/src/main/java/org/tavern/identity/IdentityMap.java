package org.tavern.identity;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One live object per key (Evennia's idmapper): {@link #get} loads an entity at most once however
 * many threads ask for it together, and hands out the same object for as long as anything refers to
 * it. Pinned entries stay in memory; the others are held weakly, plus a bounded number of recently
 * used ones held strongly, so a {@link #flush} lets the garbage collector take every unpinned entity
 * nothing else refers to.
 *
 * @param <K> the key
 * @param <E> the entity
 */
@ProviderType
public interface IdentityMap<K, E> {

    /** The name shown by {@code tavern:caches}. */
    String name();

    /** The live entity of {@code key}, loaded from the store when no live one exists; empty when none is stored. */
    Optional<E> get(K key);

    /** The live entity of {@code key} if one is in memory; never loads. */
    Optional<E> peek(K key);

    /**
     * Loads (if needed) and pins the entity: it stays in memory until as many {@link #unpin} calls
     * as pins. Empty (and nothing pinned) when none is stored.
     */
    Optional<E> pin(K key);

    /**
     * Takes back one pin.
     *
     * @throws IllegalStateException when the key is not pinned
     */
    void unpin(K key);

    boolean isPinned(K key);

    /**
     * Drops the strong references to recently used, unpinned entities; they are freed by the next
     * collection unless something else still refers to them. Returns how many were released.
     */
    int flush();

    CacheStats stats();
}
