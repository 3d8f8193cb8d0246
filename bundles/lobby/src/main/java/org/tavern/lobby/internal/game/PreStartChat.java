package org.tavern.lobby.internal.game;

import java.util.ArrayDeque;
import org.tavern.transport.Connection;
import org.tavern.wml.Document;

/**
 * 1.18: the game chat since the game was created (or last started), replayed to whoever joins
 * before the start, as wesnothd 1.18 does. wesnothd keeps it all; flood control bounds the rate, and
 * this keeps at most {@link #LIMIT} messages, the oldest dropped. Owned by the game's actor.
 */
final class PreStartChat {

    static final int LIMIT = 200;

    private final ArrayDeque<Document> messages = new ArrayDeque<>();

    /** A relayed {@code [message]} as its receivers got it. */
    void remember(Document message) {
        if (messages.size() == LIMIT) {
            messages.removeFirst();
        }
        messages.addLast(message);
    }

    void sendTo(Connection joiner) {
        for (Document message : messages) {
            joiner.send(message);
        }
    }

    /** Oldest first (a state handover carries them). */
    java.util.List<Document> messages() {
        return java.util.List.copyOf(messages);
    }

    void clear() {
        messages.clear();
    }
}
