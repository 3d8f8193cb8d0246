package org.tavern.transport.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of connections the transport closes for a cause a peer can repeat at will (no handshake,
 * a frame over the budget, a queue that does not drain): the first of each cause in an interval is
 * logged with its details, the rest are counted and summed up in one line when the interval ends
 * ("312 more in the last 10 s"). Two thousand slowloris sockets thus write a handful of lines, not
 * two thousand, and the log cannot be used to fill the disk.
 */
final class NetworkEvents {

    static final long INTERVAL_MILLIS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(NetworkEvents.class);

    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    enum Level { INFO, WARN }

    private static final class Tally {
        final Level level;
        final AtomicInteger count = new AtomicInteger();
        volatile long windowStart;

        Tally(Level level, long now) {
            this.level = level;
            this.windowStart = now;
        }
    }

    NetworkEvents(LongSupplier clock) {
        this.clock = clock;
    }

    NetworkEvents() {
        this(System::currentTimeMillis);
    }

    /**
     * One occurrence of {@code cause} (a text without per-connection details), concerning {@code who};
     * {@code detail} (may be empty) is added to the line when it is written.
     */
    boolean closed(Level level, String cause, String who, String detail) {
        Tally tally = tallies.computeIfAbsent(cause, c -> new Tally(level, clock.getAsLong()));
        if (tally.count.getAndIncrement() == 0) {
            String line = "Closing {}: {}{} (more of the same are counted for {} s)";
            if (level == Level.WARN) {
                LOG.warn(line, who, cause, detail, INTERVAL_MILLIS / 1000);
            } else {
                LOG.info(line, who, cause, detail, INTERVAL_MILLIS / 1000);
            }
            return true;
        }
        LOG.debug("Closing {}: {}{}", who, cause, detail);
        return false;
    }

    /**
     * Writes the sums of the intervals that ended (called every second by the watch); returns how
     * many closes each written line counted.
     */
    Map<String, Integer> flush() {
        Map<String, Integer> written = new java.util.HashMap<>();
        long now = clock.getAsLong();
        for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
            Tally tally = entry.getValue();
            if (now - tally.windowStart < INTERVAL_MILLIS) {
                continue;
            }
            int seen = tally.count.getAndSet(0);
            tally.windowStart = now;
            if (seen > 1) {
                LOG.info("{} more connections closed in the last {} s: {}", seen - 1, INTERVAL_MILLIS / 1000,
                        entry.getKey());
                written.put(entry.getKey(), seen - 1);
            } else if (seen == 0) {
                tallies.remove(entry.getKey(), tally);
            }
        }
        return written;
    }
}
