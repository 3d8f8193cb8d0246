package org.tavern.identity.internal;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.tavern.identity.CacheStats;
import org.tavern.identity.IdentityMap;
import org.tavern.identity.StoreException;

/**
 * The identity map: a {@link ConcurrentHashMap} from key to a {@link Node}. A node starts as a load
 * in progress (a future the other askers wait on, so one key is loaded once), then holds its entity
 * through a {@link WeakReference}; a pinned node also holds it strongly, and a bounded access-ordered
 * map keeps the most recently used unpinned entities strongly too. Collected entries are purged
 * through a {@link ReferenceQueue} on every call; once the map has shrunk well below its peak it is
 * copied into a smaller one, because a {@code ConcurrentHashMap} never gives back its table.
 *
 * <p>The map field is swapped only under the write lock; every other structural operation holds the
 * read lock, briefly (never while loading), so nodes are never lost by a swap.
 */
final class IdentityCache<K, E> implements IdentityMap<K, E> {

    /** Heap of one entry besides its entity: map node, our node, weak reference (compressed oops). */
    static final long ENTRY_OVERHEAD_BYTES = 32 + 40 + 48;
    /** One more for an entry of the recently-used map. */
    static final long RECENT_OVERHEAD_BYTES = 40;
    private static final int COMPACT_MIN_PEAK = 4096;

    private final String name;
    private final Function<K, E> loader;
    private final ToLongFunction<E> sizer;
    private final int recentMax;
    private final ReferenceQueue<E> collected = new ReferenceQueue<>();
    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
    private volatile ConcurrentHashMap<K, Node<K, E>> map = new ConcurrentHashMap<>();
    private final AtomicInteger peak = new AtomicInteger();
    private final LinkedHashMap<K, E> recent;
    private final AtomicInteger pinned = new AtomicInteger();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder loads = new LongAdder();
    private final LongAdder evictions = new LongAdder();

    /**
     * @param loader returns the stored entity of a key, or null when none is stored; its exceptions
     *     reach every caller waiting for that key
     * @param sizer the estimated heap bytes of one entity
     * @param recentMax how many unpinned entities are kept strongly as recently used (0: none)
     */
    IdentityCache(String name, Function<K, E> loader, ToLongFunction<E> sizer, int recentMax) {
        if (recentMax < 0) {
            throw new IllegalArgumentException("recentMax must not be negative: " + recentMax);
        }
        this.name = Objects.requireNonNull(name);
        this.loader = Objects.requireNonNull(loader);
        this.sizer = Objects.requireNonNull(sizer);
        this.recentMax = recentMax;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, E> eldest) {
                return size() > IdentityCache.this.recentMax;
            }
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<E> get(K key) {
        Objects.requireNonNull(key, "key");
        expunge();
        for (;;) {
            Node<K, E> node = nodeOf(key);
            if (node == null) {
                Node<K, E> fresh = new Node<>(key);
                node = putIfAbsent(key, fresh);
                if (node == null) {
                    return Optional.ofNullable(load(fresh));
                }
            }
            Ref<K, E> ref = node.ref;
            if (ref != null) {
                E entity = ref.get();
                if (entity != null) {
                    hits.increment();
                    touch(key, entity);
                    return Optional.of(entity);
                }
                if (remove(key, node)) {
                    evictions.increment();
                }
                continue;
            }
            CompletableFuture<E> loading = node.loading;
            if (loading == null) {
                continue; // the load finished between our two reads: ref is set now
            }
            E entity = await(key, loading);
            if (entity == null) {
                misses.increment();
                return Optional.empty();
            }
            hits.increment();
            return Optional.of(entity);
        }
    }

    @Override
    public Optional<E> peek(K key) {
        Objects.requireNonNull(key, "key");
        expunge();
        Node<K, E> node = nodeOf(key);
        Ref<K, E> ref = node == null ? null : node.ref;
        return Optional.ofNullable(ref == null ? null : ref.get());
    }

    @Override
    public Optional<E> pin(K key) {
        Optional<E> found = get(key);
        if (found.isEmpty()) {
            return found;
        }
        E entity = found.get();
        // While we hold entity strongly its node cannot be collected, so it is the node in the map.
        Node<K, E> node = nodeOf(key);
        if (node == null || node.ref == null || node.ref.get() != entity) {
            throw new IllegalStateException("identity map " + name + " lost the entry of " + key + " while pinning");
        }
        synchronized (node) {
            if (node.pins++ == 0) {
                node.strong = entity;
                pinned.incrementAndGet();
            }
        }
        Reference.reachabilityFence(entity);
        return found;
    }

    @Override
    public void unpin(K key) {
        Objects.requireNonNull(key, "key");
        Node<K, E> node = nodeOf(key);
        if (node == null) {
            throw new IllegalStateException(key + " is not pinned in " + name);
        }
        E released;
        synchronized (node) {
            if (node.pins == 0) {
                throw new IllegalStateException(key + " is not pinned in " + name);
            }
            released = node.strong;
            if (--node.pins == 0) {
                node.strong = null;
                pinned.decrementAndGet();
            } else {
                released = null;
            }
        }
        if (released != null) {
            touch(key, released);
        }
    }

    @Override
    public boolean isPinned(K key) {
        Node<K, E> node = nodeOf(key);
        if (node == null) {
            return false;
        }
        synchronized (node) {
            return node.pins > 0;
        }
    }

    /** Calls {@code action} with every entity that is live now (pinned, recent or still reachable). */
    void forEachLive(java.util.function.Consumer<E> action) {
        expunge();
        for (Node<K, E> node : map.values()) {
            Ref<K, E> ref = node.ref;
            E entity = ref == null ? null : ref.get();
            if (entity != null) {
                action.accept(entity);
            }
        }
    }

    @Override
    public int flush() {
        int released;
        synchronized (recent) {
            released = recent.size();
            recent.clear();
        }
        expunge();
        return released;
    }

    @Override
    public CacheStats stats() {
        expunge();
        int size = 0;
        long bytes = 0;
        for (Node<K, E> node : map.values()) {
            Ref<K, E> ref = node.ref;
            E entity = ref == null ? null : ref.get();
            if (entity != null) {
                size++;
                bytes += ENTRY_OVERHEAD_BYTES + sizer.applyAsLong(entity);
            }
        }
        int recentSize;
        synchronized (recent) {
            recentSize = recent.size();
        }
        bytes += recentSize * RECENT_OVERHEAD_BYTES;
        return new CacheStats(name, size, pinned.get(), recentSize, hits.sum(), misses.sum(), loads.sum(),
                evictions.sum(), bytes);
    }

    /**
     * Puts a freshly stored entity in the map (after an insert), so the first lookup does not read it
     * back. Returns the live entity, which is an older one if one was already there.
     */
    E install(K key, E entity) {
        Objects.requireNonNull(entity, "entity");
        expunge();
        for (;;) {
            Node<K, E> fresh = new Node<>(key);
            fresh.ref = new Ref<>(entity, collected, fresh);
            fresh.loading = null;
            Node<K, E> existing = putIfAbsent(key, fresh);
            if (existing == null) {
                touch(key, entity);
                return entity;
            }
            Optional<E> live = get(key);
            if (live.isPresent()) {
                return live.get();
            }
        }
    }

    private E load(Node<K, E> fresh) {
        misses.increment();
        E entity;
        try {
            entity = loader.apply(fresh.key);
        } catch (RuntimeException | Error e) {
            remove(fresh.key, fresh);
            fresh.loading.completeExceptionally(e);
            throw e;
        }
        if (entity == null) {
            remove(fresh.key, fresh);
            fresh.loading.complete(null);
            return null;
        }
        loads.increment();
        fresh.ref = new Ref<>(entity, collected, fresh);
        touch(fresh.key, entity);
        fresh.loading.complete(entity);
        fresh.loading = null;
        return entity;
    }

    private E await(K key, CompletableFuture<E> loading) {
        try {
            return loading.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                // the loader's own exception type, with this caller's stack
                if (runtime instanceof StoreException) {
                    throw new StoreException(runtime.getMessage(), runtime);
                }
                if (runtime instanceof IllegalArgumentException) {
                    throw new IllegalArgumentException(runtime.getMessage(), runtime);
                }
                throw new StoreException("loading " + key + " into " + name + " failed: " + runtime, runtime);
            }
            throw new StoreException("loading " + key + " into " + name + " failed: " + cause, cause);
        }
    }

    private void touch(K key, E entity) {
        if (recentMax == 0) {
            return;
        }
        synchronized (recent) {
            recent.put(key, entity);
        }
    }

    /** Drops the entries whose entity was collected, then shrinks the map if it is far below its peak. */
    @SuppressWarnings("unchecked")
    private void expunge() {
        Reference<? extends E> reference;
        while ((reference = collected.poll()) != null) {
            Node<K, E> node = ((Ref<K, E>) reference).node;
            if (remove(node.key, node)) {
                evictions.increment();
            }
        }
        int peakSize = peak.get();
        if (peakSize >= COMPACT_MIN_PEAK && map.size() < peakSize / 8) {
            compact();
        }
    }

    private void compact() {
        swap.writeLock().lock();
        try {
            ConcurrentHashMap<K, Node<K, E>> old = map;
            int peakSize = peak.get();
            if (peakSize < COMPACT_MIN_PEAK || old.size() >= peakSize / 8) {
                return;
            }
            ConcurrentHashMap<K, Node<K, E>> smaller = new ConcurrentHashMap<>(Math.max(16, old.size() * 2));
            smaller.putAll(old);
            map = smaller;
            peak.set(smaller.size());
        } finally {
            swap.writeLock().unlock();
        }
    }

    private Node<K, E> nodeOf(K key) {
        return map.get(key);
    }

    private Node<K, E> putIfAbsent(K key, Node<K, E> node) {
        swap.readLock().lock();
        try {
            ConcurrentHashMap<K, Node<K, E>> current = map;
            Node<K, E> existing = current.putIfAbsent(key, node);
            if (existing == null) {
                peak.accumulateAndGet(current.size(), Math::max);
            }
            return existing;
        } finally {
            swap.readLock().unlock();
        }
    }

    private boolean remove(K key, Node<K, E> node) {
        swap.readLock().lock();
        try {
            return map.remove(key, node);
        } finally {
            swap.readLock().unlock();
        }
    }

    /** One key's entry; {@code pins} and {@code strong} are guarded by the node's monitor. */
    private static final class Node<K, E> {
        final K key;
        volatile CompletableFuture<E> loading = new CompletableFuture<>();
        volatile Ref<K, E> ref;
        int pins;
        E strong;

        Node(K key) {
            this.key = key;
        }
    }

    private static final class Ref<K, E> extends WeakReference<E> {
        final Node<K, E> node;

        Ref(E entity, ReferenceQueue<E> queue, Node<K, E> node) {
            super(entity, queue);
            this.node = node;
        }
    }
}
