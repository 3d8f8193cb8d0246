package org.tavern.identity.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What other servers sharing the database changed, so that the live objects cached here follow.
 *
 * <p>Several servers may share one PostgreSQL database; each keeps its own identity map, so a
 * moderator flag set on one must reach the live account object on the others. Each write of a cached
 * entity announces (topic, key) inside its transaction ({@code pg_notify}, delivered only if and when
 * the transaction commits); a listener on every server hands the announcements of the others to the
 * {@link Listener}s of that topic, which re-read the row into the live object. When the listening
 * connection was lost, announcements may have been missed, so every listener is told to re-read
 * everything it holds. With H2 (one server, its file locked) nothing is announced.
 */
final class StoreChanges {

    private static final Logger LOG = LoggerFactory.getLogger(StoreChanges.class);

    /** The PostgreSQL notification channel. */
    static final String CHANNEL = "tavern_identity";
    /** pg_notify's payload limit is 8000 bytes; our keys are nicks and ids, far shorter. */
    static final int MAX_PAYLOAD = 7000;

    /** A cache that follows the changes of one topic. */
    interface Listener {
        /** Another server changed the entity with this key. */
        void changed(String key);

        /** Announcements may have been lost: re-read every live entity. */
        void missedSome();
    }

    /** Identifies this server's own announcements, which it has applied already. */
    final String origin = UUID.randomUUID().toString();
    private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();

    void subscribe(String topic, Listener listener) {
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /** The payload announcing a change of {@code key} in {@code topic}. */
    String payload(String topic, String key) {
        String payload = origin + '\t' + topic + '\t' + key;
        if (payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("change key too long: " + key.length() + " characters");
        }
        return payload;
    }

    /** Hands one received payload to the listeners of its topic, unless it is our own. */
    void received(String payload) {
        String[] parts = payload.split("\t", 3);
        if (parts.length != 3) {
            LOG.warn("Ignored a malformed change announcement on {}: {}", CHANNEL, payload);
            return;
        }
        if (origin.equals(parts[0])) {
            return;
        }
        for (Listener listener : listeners.getOrDefault(parts[1], List.of())) {
            try {
                listener.changed(parts[2]);
            } catch (RuntimeException e) {
                LOG.warn("Could not apply another server's change of {} {}: {}", parts[1], parts[2], e.toString());
            }
        }
    }

    /** After a gap in listening: every listener re-reads what it holds. */
    void missedSome() {
        for (Map.Entry<String, List<Listener>> topic : listeners.entrySet()) {
            for (Listener listener : topic.getValue()) {
                try {
                    listener.missedSome();
                } catch (RuntimeException e) {
                    LOG.warn("Could not re-read the cached {} after a gap in change announcements: {}", topic.getKey(),
                            e.toString());
                }
            }
        }
    }
}
