package org.tavern.plugins.chatfilter;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code maxMessages} per player within a sliding period. Called from the lobby's and the
 * games' actors at once, so each player's record is locked on its own; records of players who have
 * been quiet for a whole period are forgotten, so the map does not grow with every nick ever seen.
 */
final class RateLimit {

    /** Above this many records, quiet players' records are swept out. */
    private static final int SWEEP_ABOVE = 1_000;

    private final int maxMessages;
    private final long periodMillis;
    private final Map<String, Deque<Long>> sentBy = new ConcurrentHashMap<>();

    RateLimit(int maxMessages, long periodMillis) {
        this.maxMessages = maxMessages;
        this.periodMillis = periodMillis;
    }

    /** Counts a message of {@code player} at {@code nowMillis}; false if it is over the limit (not counted then). */
    boolean allow(String player, long nowMillis) {
        if (maxMessages <= 0) {
            return true;
        }
        if (sentBy.size() > SWEEP_ABOVE) {
            sweep(nowMillis);
        }
        Deque<Long> sent = sentBy.computeIfAbsent(player.toLowerCase(Locale.ROOT), name -> new ArrayDeque<>());
        synchronized (sent) {
            forgetOld(sent, nowMillis);
            if (sent.size() >= maxMessages) {
                return false;
            }
            sent.addLast(nowMillis);
            return true;
        }
    }

    private void forgetOld(Deque<Long> sent, long nowMillis) {
        while (!sent.isEmpty() && sent.peekFirst() <= nowMillis - periodMillis) {
            sent.removeFirst();
        }
    }

    private void sweep(long nowMillis) {
        sentBy.values().removeIf(sent -> {
            synchronized (sent) {
                forgetOld(sent, nowMillis);
                return sent.isEmpty();
            }
        });
    }
}
