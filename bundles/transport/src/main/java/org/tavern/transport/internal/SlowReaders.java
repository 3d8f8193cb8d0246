package org.tavern.transport.internal;

import java.util.concurrent.atomic.LongAdder;
import org.tavern.transport.Transport;

/**
 * How many clients the transport cut because they stopped reading, by the bound their output queue
 * passed. Counted by {@link MinaConnection#dropSlow} once per connection, from the threads that
 * send and from the watch; a count is an add to a {@link LongAdder}, no lock on the sending path.
 */
final class SlowReaders {

    /** Which bound the queue passed. */
    enum Bound {
        /** {@code max.queued.bytes}. */
        QUEUED_BYTES,
        /** {@code max.queue.age.seconds}: not empty for that long. */
        QUEUE_AGE,
        /** Past its share while the server was over its memory budget. */
        MEMORY_BUDGET
    }

    private final LongAdder queuedBytes = new LongAdder();
    private final LongAdder queueAge = new LongAdder();
    private final LongAdder memoryBudget = new LongAdder();

    void count(Bound bound) {
        switch (bound) {
            case QUEUED_BYTES -> queuedBytes.increment();
            case QUEUE_AGE -> queueAge.increment();
            case MEMORY_BUDGET -> memoryBudget.increment();
        }
    }

    Transport.SlowClientDrops read() {
        return new Transport.SlowClientDrops(queuedBytes.sum(), queueAge.sum(), memoryBudget.sum());
    }
}
