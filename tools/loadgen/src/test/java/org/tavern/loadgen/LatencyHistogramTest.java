package org.tavern.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void exactBelowAMillisecond() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 1; i <= 100; i++) {
            h.recordMicros(i);
        }
        assertEquals(100, h.count());
        assertEquals(50, h.percentileMicros(50));
        assertEquals(99, h.percentileMicros(99));
        assertEquals(100, h.percentileMicros(100));
        assertEquals("0.05", h.percentileMs(50));
    }

    @Test
    void withinTwoTenthsOfAPercentAbove() {
        LatencyHistogram h = new LatencyHistogram();
        long[] values = {1024, 1500, 2047, 2048, 123_456, 16_000_000, 5_000_000_000L};
        for (long v : values) {
            LatencyHistogram one = new LatencyHistogram();
            one.recordMicros(v);
            long got = one.percentileMicros(50);
            assertTrue(got <= v && got >= v * 0.998, v + " read back as " + got);
            h.recordMicros(v);
        }
        assertEquals(values.length, h.count());
    }

    @Test
    void bucketsAreContiguous() {
        for (int i = 1024; i < 1024 + 512 * 5; i++) {
            assertEquals(i, LatencyHistogram.index(LatencyHistogram.lowerBound(i)));
            assertEquals(i - 1, LatencyHistogram.index(LatencyHistogram.lowerBound(i) - 1));
        }
    }

    @Test
    void emptyAndNegative() {
        LatencyHistogram h = new LatencyHistogram();
        assertEquals(0, h.percentileMicros(99));
        h.recordNanos(-5);
        assertEquals(0, h.percentileMicros(99));
    }
}
