package org.tavern.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.junit.jupiter.api.Test;
import org.tavern.identity.CacheStats;

/** Flushing must give the memory back: 100 000 entities loaded, unpinned, flushed, collected. */
class IdentityCacheHeapTest {

    static final int ENTITIES = 100_000;
    static final int PAYLOAD = 512;

    @Test
    void aFlushedCacheGivesItsHeapBack() throws Exception {
        IdentityCache<Integer, IdentityCacheTest.Thing> cache = new IdentityCache<>("heap",
                key -> new IdentityCacheTest.Thing("entity-" + key, PAYLOAD),
                t -> 16 + 8 + Sizes.string(t.key) + Sizes.align(16 + t.payload.length), 1000);
        long before = settledHeap();
        for (int i = 0; i < ENTITIES; i++) {
            cache.pin(i); // all "online": held whatever the collector does
        }
        long full = settledHeap();
        CacheStats loaded = cache.stats();
        assertEquals(ENTITIES, loaded.pinned());
        assertEquals(ENTITIES, loaded.size());
        for (int i = 0; i < ENTITIES; i++) {
            cache.unpin(i);
        }
        cache.flush();
        long after = settledHeap();
        CacheStats flushed = cache.stats(); // purges the collected entries (and shrinks the map)
        after = Math.min(after, settledHeap());
        long retained = full - before;
        System.out.printf("heap before %d KiB, with %d entities pinned %d KiB (cache estimate %d KiB), after unpin, "
                + "flush and GC %d KiB%n", before / 1024, ENTITIES, full / 1024, loaded.estimatedBytes() / 1024,
                after / 1024);
        assertEquals(0, flushed.size(), "every entry was collected");
        assertEquals(0, flushed.pinned());
        assertTrue(after <= before * 1.10, "heap after flush " + after + " is within 10% of before " + before);
        assertTrue(retained > (long) ENTITIES * PAYLOAD, "the pinned entities held their payloads: " + retained);
        // an honest estimate: within a quarter of what the heap really held
        double ratio = (double) loaded.estimatedBytes() / retained;
        assertTrue(ratio > 0.75 && ratio < 1.25, "estimate " + loaded.estimatedBytes() + " vs retained " + retained);
    }

    static long settledHeap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(50);
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(last - used) < 64 * 1024) {
                return used;
            }
            last = used;
        }
        return last;
    }
}
