package org.tavern.loadgen;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in microseconds, recorded from any thread without locks. Exact below 1 024 µs; above,
 * 512 buckets per power of two, so a percentile is within 0.2% of the true value. Values above
 * 2^40 µs (12 days) count as 2^40.
 */
final class LatencyHistogram {

    private static final int EXACT = 1024;
    private static final int SUB_BUCKETS = 512;
    private static final int SUB_BITS = 9;
    private static final long MAX_MICROS = 1L << 40;
    private static final int SIZE = EXACT + (40 - SUB_BITS) * SUB_BUCKETS;

    private final AtomicLongArray counts = new AtomicLongArray(SIZE);

    void recordNanos(long nanos) {
        recordMicros(nanos / 1000);
    }

    void recordMicros(long micros) {
        counts.incrementAndGet(index(Math.max(0, Math.min(micros, MAX_MICROS))));
    }

    long count() {
        long total = 0;
        for (int i = 0; i < SIZE; i++) {
            total += counts.get(i);
        }
        return total;
    }

    /** The smallest recorded value at or below which {@code percent}% of the values lie, in µs (0 when empty). */
    long percentileMicros(double percent) {
        long total = count();
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(total * percent / 100.0));
        long seen = 0;
        for (int i = 0; i < SIZE; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return lowerBound(i);
            }
        }
        return lowerBound(SIZE - 1);
    }

    /** A percentile in milliseconds with two decimals, for a result line. */
    String percentileMs(double percent) {
        return String.format(java.util.Locale.ROOT, "%.2f", percentileMicros(percent) / 1000.0);
    }

    static int index(long micros) {
        if (micros < EXACT) {
            return (int) micros;
        }
        int shift = 63 - Long.numberOfLeadingZeros(micros) - SUB_BITS;
        return EXACT + (shift - 1) * SUB_BUCKETS + (int) ((micros >> shift) - SUB_BUCKETS);
    }

    static long lowerBound(int index) {
        if (index < EXACT) {
            return index;
        }
        int shift = (index - EXACT) / SUB_BUCKETS + 1;
        long sub = (index - EXACT) % SUB_BUCKETS + SUB_BUCKETS;
        return sub << shift;
    }
}
