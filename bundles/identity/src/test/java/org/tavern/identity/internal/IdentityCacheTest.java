package org.tavern.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tavern.identity.CacheStats;
import org.tavern.identity.StoreException;

class IdentityCacheTest {

    /** A stand-in entity. */
    static final class Thing {
        final String key;
        final byte[] payload;

        Thing(String key, int payloadBytes) {
            this.key = key;
            this.payload = new byte[payloadBytes];
        }
    }

    private final AtomicInteger loads = new AtomicInteger();

    private IdentityCache<String, Thing> cache(int recentMax) {
        return new IdentityCache<>("things", key -> {
            loads.incrementAndGet();
            return key.startsWith("absent") ? null : new Thing(key, 16);
        }, t -> 16 + 16 + t.payload.length, recentMax);
    }

    @Test
    void twoConcurrentLoadsOfOneKeyGiveOneObject() throws Exception {
        CountDownLatch bothAsking = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger loaderCalls = new AtomicInteger();
        IdentityCache<String, Thing> cache = new IdentityCache<>("slow", key -> {
            loaderCalls.incrementAndGet();
            try {
                // hold the load until the second caller is waiting on it
                assertTrue(release.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return new Thing(key, 1);
        }, t -> 40, 10);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Thing>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    bothAsking.countDown();
                    return cache.get("k").orElseThrow();
                }));
            }
            assertTrue(bothAsking.await(10, TimeUnit.SECONDS));
            Thread.sleep(100); // let the second thread reach the in-progress load (either order is correct)
            release.countDown();
            Thing first = results.get(0).get(10, TimeUnit.SECONDS);
            assertSame(first, results.get(1).get(10, TimeUnit.SECONDS));
            assertEquals(1, loaderCalls.get());
            CacheStats stats = cache.stats();
            assertEquals(1, stats.loads());
            assertEquals(1, stats.misses());
            assertEquals(1, stats.hits());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyThreadsManyKeysOneObjectEach() throws Exception {
        IdentityCache<String, Thing> cache = cache(0);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Thing>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    go.await();
                    List<Thing> seen = new ArrayList<>();
                    for (int i = 0; i < 2000; i++) {
                        seen.add(cache.get("k" + i).orElseThrow());
                    }
                    return seen;
                }));
            }
            go.countDown();
            List<Thing> first = results.get(0).get(30, TimeUnit.SECONDS);
            for (Future<List<Thing>> result : results) {
                List<Thing> other = result.get(30, TimeUnit.SECONDS);
                for (int i = 0; i < first.size(); i++) {
                    assertSame(first.get(i), other.get(i));
                }
            }
            assertEquals(2000, loads.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void afterUnpinAndFlushTheEntityIsCollected() throws Exception {
        IdentityCache<String, Thing> cache = cache(100);
        WeakReference<Thing> watched = new WeakReference<>(cache.pin("online-user").orElseThrow());
        assertTrue(cache.isPinned("online-user"));
        cache.flush();
        collect(watched, 2000);
        assertNotNull(watched.get(), "a pinned entity must stay");
        assertSame(watched.get(), cache.get("online-user").orElseThrow());
        cache.unpin("online-user");
        assertFalse(cache.isPinned("online-user"));
        assertNotNull(collectNot(watched), "recently used: held strongly until a flush");
        assertEquals(1, cache.flush());
        assertTrue(collect(watched, 10_000), "after unpin + flush the entity must be collectable");
        CacheStats stats = cache.stats();
        assertEquals(0, stats.size());
        assertEquals(1, stats.evictions());
        // the next get loads a new object
        assertNotSame(null, cache.get("online-user").orElseThrow());
        assertEquals(2, loads.get());
    }

    @Test
    void anEntityInUseIsNeverLoadedTwice() throws Exception {
        IdentityCache<String, Thing> cache = cache(0);
        Thing held = cache.get("k").orElseThrow();
        cache.flush();
        System.gc();
        assertSame(held, cache.get("k").orElseThrow());
        assertEquals(1, loads.get());
    }

    @Test
    void pinsAreCounted() {
        IdentityCache<String, Thing> cache = cache(0);
        Thing thing = cache.pin("k").orElseThrow();
        assertSame(thing, cache.pin("k").orElseThrow());
        assertEquals(1, cache.stats().pinned());
        cache.unpin("k");
        assertTrue(cache.isPinned("k"));
        cache.unpin("k");
        assertFalse(cache.isPinned("k"));
        assertEquals(0, cache.stats().pinned());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> cache.unpin("k"));
        assertTrue(e.getMessage().contains("not pinned"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> cache.unpin("never"));
    }

    @Test
    void absentKeysAreNotCachedNorPinned() {
        IdentityCache<String, Thing> cache = cache(10);
        assertEquals(Optional.empty(), cache.get("absent-1"));
        assertEquals(Optional.empty(), cache.pin("absent-1"));
        assertEquals(Optional.empty(), cache.peek("absent-1"));
        CacheStats stats = cache.stats();
        assertEquals(0, stats.size());
        assertEquals(2, stats.misses());
        assertEquals(0, stats.loads());
    }

    @Test
    void aFailingLoadReachesTheCallerAndIsRetriedNextTime() {
        AtomicInteger calls = new AtomicInteger();
        IdentityCache<String, Thing> cache = new IdentityCache<>("flaky", key -> {
            if (calls.incrementAndGet() == 1) {
                throw new StoreException("database down");
            }
            return new Thing(key, 1);
        }, t -> 1, 10);
        StoreException e = assertThrows(StoreException.class, () -> cache.get("k"));
        assertEquals("database down", e.getMessage());
        assertNotNull(cache.get("k").orElseThrow());
    }

    @Test
    void theRecentBoundKeepsOnlyTheNewest() throws Exception {
        IdentityCache<String, Thing> cache = cache(2);
        WeakReference<Thing> oldest = new WeakReference<>(cache.get("a").orElseThrow());
        cache.get("b");
        cache.get("c");
        assertEquals(2, cache.stats().recent());
        assertTrue(collect(oldest, 10_000), "beyond the bound an unused entity is held weakly only");
        assertTrue(cache.peek("c").isPresent());
    }

    @Test
    void peekNeverLoads() {
        IdentityCache<String, Thing> cache = cache(10);
        assertTrue(cache.peek("k").isEmpty());
        assertEquals(0, loads.get());
        Thing thing = cache.get("k").orElseThrow();
        assertSame(thing, cache.peek("k").orElseThrow());
    }

    @Test
    void statsEstimateTheHeldBytes() {
        IdentityCache<String, Thing> cache = cache(10);
        List<Thing> held = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            held.add(cache.get("k" + i).orElseThrow());
        }
        CacheStats stats = cache.stats();
        assertEquals(5, stats.size());
        assertEquals(5, stats.recent());
        assertEquals(5 * (IdentityCache.ENTRY_OVERHEAD_BYTES + 48 + IdentityCache.RECENT_OVERHEAD_BYTES),
                stats.estimatedBytes());
        assertEquals(5, held.size());
    }

    /** Asks for collections until {@code ref} is cleared or {@code millis} pass; true when cleared. */
    static boolean collect(WeakReference<?> ref, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (ref.get() != null && System.currentTimeMillis() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        return ref.get() == null;
    }

    private static Object collectNot(WeakReference<?> ref) throws InterruptedException {
        System.gc();
        Thread.sleep(20);
        return ref.get();
    }
}
