package org.tavern.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NetworkEventsTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final NetworkEvents events = new NetworkEvents(now::get);

    @Test
    void theFirstOfACauseIsWrittenTheRestCountedInOneLinePerInterval() {
        assertTrue(events.closed(NetworkEvents.Level.INFO, "no handshake within 30 s", "session 1", ""));
        for (int i = 2; i <= 312; i++) {
            assertFalse(events.closed(NetworkEvents.Level.INFO, "no handshake within 30 s", "session " + i, ""));
        }
        assertTrue(events.closed(NetworkEvents.Level.WARN, "frame refused by the memory budget", "connection 9", ""),
                "another cause has its own first line");
        now.addAndGet(NetworkEvents.INTERVAL_MILLIS - 1);
        assertEquals(Map.of(), events.flush(), "nothing summed before the interval ends");
        now.addAndGet(1);
        assertEquals(Map.of("no handshake within 30 s", 311), events.flush());
        // a new interval: the next one is written in full again, a quiet cause is forgotten
        assertTrue(events.closed(NetworkEvents.Level.INFO, "no handshake within 30 s", "session 400", ""));
        now.addAndGet(NetworkEvents.INTERVAL_MILLIS);
        assertEquals(Map.of(), events.flush());
        now.addAndGet(NetworkEvents.INTERVAL_MILLIS);
        assertEquals(Map.of(), events.flush());
        assertTrue(events.closed(NetworkEvents.Level.WARN, "frame refused by the memory budget", "connection 10", ""));
    }
}
