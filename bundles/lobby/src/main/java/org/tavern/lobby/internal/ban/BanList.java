package org.tavern.lobby.internal.ban;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.tavern.identity.Wildcards;

/**
 * The server's bans (by address or address mask, with the nick they were issued for), and the
 * bans lifted or expired, as the lobby checks them: in memory, owned by the lobby actor, so a
 * connection's ban check never waits for a database. {@link StoredBans} makes each change durable
 * in the identity store before the administrator who made it is answered.
 */
public final class BanList {

    /** One ban; {@code endMillis} 0 is permanent. */
    public record Ban(String ipMask, String nick, String reason, long startMillis, long endMillis, String issuer,
            String group) {

        public boolean permanent() {
            return endMillis == BanDuration.PERMANENT;
        }

        boolean matches(String ip) {
            return Wildcards.matches(ipMask, ip);
        }

        boolean endedBy(long nowMillis) {
            return !permanent() && endMillis <= nowMillis;
        }
    }

    private final List<Ban> bans = new ArrayList<>();
    private final List<Ban> deleted = new ArrayList<>();

    /** An empty list. */
    public BanList() {
    }

    /** A list holding these bans (read from the store or a ban file). */
    public BanList(List<Ban> active, List<Ban> gone) {
        bans.addAll(active);
        deleted.addAll(gone);
    }

    /** The active ban on {@code ip}, or null; call {@link #expire} first to drop ended ones. */
    public Ban find(String ip) {
        for (Ban ban : bans) {
            if (ban.matches(ip)) {
                return ban;
            }
        }
        return null;
    }

    /** Bans past their end move to the deleted list; returns whether any did. */
    public boolean expire(long nowMillis) {
        boolean changed = false;
        for (Iterator<Ban> it = bans.iterator(); it.hasNext();) {
            Ban ban = it.next();
            if (ban.endedBy(nowMillis)) {
                it.remove();
                deleted.add(ban);
                changed = true;
            }
        }
        return changed;
    }

    /** Adds a ban; returns the ban it replaced on the same mask, or null. */
    public Ban add(Ban ban) {
        Ban replaced = null;
        for (Iterator<Ban> it = bans.iterator(); it.hasNext();) {
            Ban old = it.next();
            if (old.ipMask().equals(ban.ipMask())) {
                replaced = old;
                it.remove();
            }
        }
        bans.add(ban);
        return replaced;
    }

    /** Lifts the ban on exactly this mask; null when there was none. */
    public Ban remove(String ipMask) {
        for (Iterator<Ban> it = bans.iterator(); it.hasNext();) {
            Ban ban = it.next();
            if (ban.ipMask().equals(ipMask)) {
                it.remove();
                deleted.add(ban);
                return ban;
            }
        }
        return null;
    }

    /**
     * Lifts every ban of a group ({@code ungban}); how many there were. As in wesnothd they are
     * gone, not kept among the deleted bans.
     */
    public int removeGroup(String group) {
        int removed = 0;
        for (Iterator<Ban> it = bans.iterator(); it.hasNext();) {
            if (it.next().group().equals(group)) {
                it.remove();
                removed++;
            }
        }
        return removed;
    }

    public List<Ban> bans() {
        return List.copyOf(bans);
    }

    public List<Ban> deleted() {
        return List.copyOf(deleted);
    }
}
