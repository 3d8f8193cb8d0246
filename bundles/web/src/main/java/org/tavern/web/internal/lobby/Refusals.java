package org.tavern.web.internal.lobby;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Errors with a wesnothd error code the lobby sent to web sessions (refused logins: 100-105, 200-204), by code. */
public final class Refusals {

    /** Codes are numbers the lobby chose; anything else is counted as "other" so the map stays small. */
    private static final int MAX_CODES = 64;
    private final ConcurrentHashMap<String, LongAdder> byCode = new ConcurrentHashMap<>();

    void count(String code) {
        String key = code.matches("\\d{1,4}") && (byCode.size() < MAX_CODES || byCode.containsKey(code)) ? code : "other";
        byCode.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    public Map<String, Long> byCode() {
        Map<String, Long> counts = new TreeMap<>();
        byCode.forEach((code, count) -> counts.put(code, count.sum()));
        return counts;
    }
}
