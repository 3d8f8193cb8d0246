package org.tavern.admin.internal.ssh;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed SSH logins per client address, so that guessing passwords or keys from one address stops
 * after a few tries: past {@code limit} failures within the window, that address is refused until
 * its failures age out. Bounded: the addresses seen least recently are forgotten past
 * {@link #MAX_ADDRESSES}. Called from SSHD's threads, so every method is synchronized (logins are
 * rare; this is never on a hot path).
 */
final class FailedLogins {

    static final int MAX_ADDRESSES = 10_000;

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, Deque<Long>> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    FailedLogins(int limit, long windowMillis, Clock clock) {
        this.limit = limit;
        this.windowMillis = windowMillis;
        this.clock = clock;
    }

    /** Whether this address has failed too often lately and must not try again yet. */
    synchronized boolean refused(String address) {
        Deque<Long> times = failures.get(address);
        if (times == null) {
            return false;
        }
        expire(times);
        if (times.isEmpty()) {
            failures.remove(address);
            return false;
        }
        return times.size() >= limit;
    }

    synchronized void failed(String address) {
        Deque<Long> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        expire(times);
        if (times.size() < limit) {
            times.addLast(clock.millis());
        }
    }

    private void expire(Deque<Long> times) {
        long oldest = clock.millis() - windowMillis;
        while (!times.isEmpty() && times.peekFirst() < oldest) {
            times.removeFirst();
        }
    }
}
