package org.tavern.lobby.internal.ban;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import org.tavern.lobby.internal.common.Settings;
import java.util.Iterator;
import java.util.List;

/**
 * wesnothd's log of logins for {@code searchlog}: who logged in from where, and when he left; the
 * oldest entries go first once {@code max_ip_log_size} is reached. Owned by the lobby actor.
 */
public final class IpLog {

    /** One login; {@code logoutMillis} is 0 while he is online. */
    public static final class Entry {
        public final String nick;
        public final String ip;
        public final long loginMillis;
        public long logoutMillis;

        public Entry(String nick, String ip, long loginMillis) {
            this.nick = nick;
            this.ip = ip;
            this.loginMillis = loginMillis;
        }
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private int maxSize = Settings.DEFAULT_IP_LOG_SIZE;

    public void loggedIn(String nick, String ip, long nowMillis) {
        entries.addLast(new Entry(nick, ip, nowMillis));
        trim();
    }

    /** Marks his open entry from that address as ended (the newest, should there be several). */
    public void loggedOut(String nick, String ip, long nowMillis) {
        Iterator<Entry> newestFirst = entries.descendingIterator();
        while (newestFirst.hasNext()) {
            Entry entry = newestFirst.next();
            if (entry.logoutMillis == 0 && entry.nick.equals(nick) && entry.ip.equals(ip)) {
                entry.logoutMillis = nowMillis;
                return;
            }
        }
    }

    public void setMaxSize(int size) {
        maxSize = Math.max(0, size);
        trim();
    }

    private void trim() {
        while (entries.size() > maxSize) {
            entries.removeFirst();
        }
    }

    /** The log of the lobby this one takes over from (a live upgrade), oldest first. */
    public void restore(List<Entry> restored) {
        entries.clear();
        entries.addAll(restored);
        trim();
    }

    /** Oldest first. */
    public List<Entry> entries() {
        return new ArrayList<>(entries);
    }
}
