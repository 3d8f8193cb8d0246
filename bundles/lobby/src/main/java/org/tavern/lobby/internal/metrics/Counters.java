package org.tavern.lobby.internal.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.tavern.api.LobbyCounters;

/**
 * What the lobby counts for /metrics as it happens: refused logins by error code (lobby actor),
 * relayed turns and their bytes (every game's actor at once). Counting is an add to a
 * {@link LongAdder}: no lock, and a relayed turn allocates nothing; reading sums them (any thread).
 */
public final class Counters {

    /** The label of a refusal sent without an {@code error_code}. */
    public static final String NO_CODE = "none";

    private final ConcurrentHashMap<String, LongAdder> refusedByCode = new ConcurrentHashMap<>();
    private final LongAdder turnsRelayed = new LongAdder();
    private final LongAdder relayedBytes = new LongAdder();

    /** A login refused with wesnothd's {@code code} (the lobby's own constants: the set stays small). */
    public void loginRefused(int code) {
        loginRefused(Integer.toString(code));
    }

    /** A login refused without a code. */
    public void loginRefusedWithoutCode() {
        loginRefused(NO_CODE);
    }

    private void loginRefused(String code) {
        refusedByCode.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    /** A player's {@code [turn]} passed on; {@code bytes} is what went to the other members in all. */
    public void turnRelayed(long bytes) {
        turnsRelayed.increment();
        relayedBytes.add(bytes);
    }

    public LobbyCounters read() {
        Map<String, Long> refused = new TreeMap<>();
        refusedByCode.forEach((code, count) -> refused.put(code, count.sum()));
        return new LobbyCounters(refused, turnsRelayed.sum(), relayedBytes.sum());
    }
}
