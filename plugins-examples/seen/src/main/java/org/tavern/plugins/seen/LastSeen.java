package org.tavern.plugins.seen;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * When each nick was last online, for the most recent {@code capacity} nicks (the oldest are
 * forgotten, so a server running for months does not keep every nick it ever saw). Thread-safe:
 * written by the listener thread, read by {@code /query}.
 */
final class LastSeen {

    /** A nick's last visit: online now (no logout yet), or gone since {@code loggedOut}. */
    record Visit(String name, Instant loggedIn, Instant loggedOut, String reason) {
        boolean online() {
            return loggedOut == null;
        }
    }

    private final Map<String, Visit> byNick;

    LastSeen(int capacity) {
        byNick = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Visit> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void loggedIn(String name, Instant at) {
        byNick.put(key(name), new Visit(name, at, null, ""));
    }

    synchronized void loggedOut(String name, Instant at, String reason) {
        Visit earlier = byNick.get(key(name));
        byNick.put(key(name), new Visit(name, earlier == null ? null : earlier.loggedIn(), at, reason));
    }

    synchronized Optional<Visit> find(String name) {
        return Optional.ofNullable(byNick.get(key(name)));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
