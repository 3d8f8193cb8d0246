package org.tavern.web.internal.admin;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The dashboard's signed-in sessions: a random id (the cookie) and a random CSRF token each, ended
 * after {@link #IDLE_MILLIS} without a request or {@link #MAX_AGE_MILLIS} in all. At most
 * {@link #MAX_SESSIONS} live at once (the oldest goes first), and failed sign-ins are counted per
 * address: after {@link #MAX_FAILURES} within {@link #FAILURE_WINDOW_MILLIS} the address must wait.
 * All state is behind this object's monitor (a handful of moderators, never a hot path).
 */
final class AdminSessions {

    static final long IDLE_MILLIS = 30 * 60_000L;
    static final long MAX_AGE_MILLIS = 12 * 3_600_000L;
    static final int MAX_SESSIONS = 64;
    static final int MAX_FAILURES = 5;
    static final long FAILURE_WINDOW_MILLIS = 60_000L;
    private static final int MAX_TRACKED_ADDRESSES = 1024;

    /** Who signed in and the token state-changing requests must carry. */
    record Session(String id, String csrf, String nick, long createdAt, long lastUsed) {
    }

    private record Failures(int count, long since) {
    }

    private final SecureRandom random = new SecureRandom();
    private final LongSupplier clock;
    private final LinkedHashMap<String, Session> sessions = new LinkedHashMap<>();
    private final LinkedHashMap<String, Failures> failures = new LinkedHashMap<>();

    AdminSessions(LongSupplier clock) {
        this.clock = clock;
    }

    synchronized Session open(String nick) {
        long now = clock.getAsLong();
        expire(now);
        while (sessions.size() >= MAX_SESSIONS) {
            Iterator<String> oldest = sessions.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        Session session = new Session(secret(), secret(), nick, now, now);
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id, its idle time restarted; null when there is none. */
    synchronized Session find(String id) {
        if (id == null) {
            return null;
        }
        long now = clock.getAsLong();
        expire(now);
        Session session = sessions.get(id);
        if (session == null) {
            return null;
        }
        Session used = new Session(session.id(), session.csrf(), session.nick(), session.createdAt(), now);
        sessions.put(id, used);
        return used;
    }

    synchronized void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Whether this address may try to sign in now. */
    synchronized boolean mayTry(String address) {
        Failures recent = failures.get(address);
        return recent == null || recent.count() < MAX_FAILURES
                || clock.getAsLong() - recent.since() > FAILURE_WINDOW_MILLIS;
    }

    synchronized void failed(String address) {
        long now = clock.getAsLong();
        Failures recent = failures.remove(address);
        if (recent == null || now - recent.since() > FAILURE_WINDOW_MILLIS) {
            recent = new Failures(0, now);
        }
        failures.put(address, new Failures(recent.count() + 1, recent.since()));
        while (failures.size() > MAX_TRACKED_ADDRESSES) {
            Iterator<String> oldest = failures.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    synchronized int size() {
        expire(clock.getAsLong());
        return sessions.size();
    }

    private void expire(long now) {
        for (Iterator<Map.Entry<String, Session>> it = sessions.entrySet().iterator(); it.hasNext(); ) {
            Session session = it.next().getValue();
            if (now - session.lastUsed() > IDLE_MILLIS || now - session.createdAt() > MAX_AGE_MILLIS) {
                it.remove();
            }
        }
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
