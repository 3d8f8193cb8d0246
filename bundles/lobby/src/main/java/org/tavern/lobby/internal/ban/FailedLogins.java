package org.tavern.lobby.internal.ban;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Wrong passwords per address, as wesnothd counts them: more than {@code failed_logins_limit} within
 * {@code failed_logins_ban} seconds earn an address ban of that many seconds. Owned by the lobby actor.
 */
public final class FailedLogins {

    static final int DEFAULT_LIMIT = 10;
    static final int DEFAULT_BAN_SECONDS = 3600;

    private final Map<String, ArrayDeque<Long>> failuresByAddress = new HashMap<>();
    private int limit = DEFAULT_LIMIT;
    private long windowMillis = DEFAULT_BAN_SECONDS * 1000L;

    public void configure(int newLimit, int banSeconds) {
        limit = Math.max(0, newLimit);
        windowMillis = Math.max(1, banSeconds) * 1000L;
    }

    public long banMillis() {
        return windowMillis;
    }

    /** Records a wrong password; true when the address has now exceeded the limit (and is forgotten). */
    public boolean recordAndCheck(String address, long nowMillis) {
        forgetOlderThan(nowMillis - windowMillis);
        ArrayDeque<Long> failures = failuresByAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
        failures.addLast(nowMillis);
        if (failures.size() > limit) {
            failuresByAddress.remove(address); // the ban takes over; a later attempt starts counting afresh
            return true;
        }
        return false;
    }

    /** The failures counted, by address, oldest first (a state handover carries them). */
    public Map<String, List<Long>> failures() {
        Map<String, List<Long>> copy = new TreeMap<>();
        failuresByAddress.forEach((address, times) -> copy.put(address, List.copyOf(times)));
        return copy;
    }

    /** Counts these failures from now on, in place of any counted so far. */
    public void restore(Map<String, List<Long>> failures) {
        failuresByAddress.clear();
        failures.forEach((address, times) -> {
            if (!times.isEmpty()) {
                failuresByAddress.put(address, new ArrayDeque<>(times));
            }
        });
    }

    /** Old failures are dropped on each record, so the map never holds more than a window's worth. */
    private void forgetOlderThan(long oldestKept) {
        Iterator<ArrayDeque<Long>> addresses = failuresByAddress.values().iterator();
        while (addresses.hasNext()) {
            ArrayDeque<Long> failures = addresses.next();
            while (!failures.isEmpty() && failures.peekFirst() < oldestKept) {
                failures.pollFirst();
            }
            if (failures.isEmpty()) {
                addresses.remove();
            }
        }
    }
}
