package org.tavern.lobby.internal.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tavern.identity.Ban;
import org.tavern.identity.Bans;

/** A ban store in memory with the real one's rules (an add lifts the active ban on the same mask). */
public final class FakeBans implements Bans {

    public final List<Ban> rows = new ArrayList<>();
    /** When set, every call fails as a broken database would. */
    public volatile boolean broken;
    private long nextId = 1;
    private final List<Runnable> watchers = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** As the real store does when another server sharing the database changed the bans. */
    public void anotherServerChangedBans() {
        watchers.forEach(Runnable::run);
    }

    @Override
    public AutoCloseable watchOtherServers(Runnable changed) {
        watchers.add(changed);
        return () -> watchers.remove(changed);
    }

    public int watchers() {
        return watchers.size();
    }

    private void check() {
        if (broken) {
            throw new IllegalStateException("database is down");
        }
    }

    @Override
    public synchronized Ban add(Ban ban) {
        check();
        lift(ban.ipMask(), ban.start());
        return insert(ban);
    }

    @Override
    public synchronized Ban restore(Ban ban) {
        check();
        return insert(ban);
    }

    private Ban insert(Ban ban) {
        Ban stored = new Ban(nextId++, ban.ipMask(), ban.nickMask(), ban.reason(), ban.issuer(), ban.group(),
                ban.start(), ban.end(), ban.deleted(), ban.deletedAt());
        rows.add(stored);
        return stored;
    }

    private List<Ban> lift(String mask, Instant when) {
        List<Ban> lifted = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Ban ban = rows.get(i);
            if (!ban.deleted() && ban.ipMask().equals(mask)) {
                lifted.add(ban);
                rows.set(i, new Ban(ban.id(), ban.ipMask(), ban.nickMask(), ban.reason(), ban.issuer(), ban.group(),
                        ban.start(), ban.end(), true, when));
            }
        }
        return lifted;
    }

    @Override
    public synchronized Optional<Ban> find(String ip, Instant now) {
        check();
        return active(now).stream().filter(ban -> ban.ipMask().equals(ip)).reduce((a, b) -> b);
    }

    @Override
    public synchronized List<Ban> active(Instant now) {
        check();
        return rows.stream().filter(ban -> ban.activeAt(now)).toList();
    }

    @Override
    public synchronized List<Ban> deleted() {
        check();
        return rows.stream().filter(Ban::deleted).toList();
    }

    @Override
    public synchronized Optional<Ban> remove(String ipMask, Instant when) {
        check();
        List<Ban> lifted = lift(ipMask, when);
        return lifted.isEmpty() ? Optional.empty() : Optional.of(lifted.get(lifted.size() - 1));
    }

    @Override
    public synchronized int removeGroup(String group) {
        check();
        int before = rows.size();
        rows.removeIf(ban -> !ban.deleted() && ban.group().equals(group));
        return before - rows.size();
    }

    @Override
    public synchronized int expire(Instant now) {
        check();
        int expired = 0;
        for (int i = 0; i < rows.size(); i++) {
            Ban ban = rows.get(i);
            if (!ban.deleted() && ban.end() != null && !ban.end().isAfter(now)) {
                rows.set(i, new Ban(ban.id(), ban.ipMask(), ban.nickMask(), ban.reason(), ban.issuer(), ban.group(),
                        ban.start(), ban.end(), true, now));
                expired++;
            }
        }
        return expired;
    }
}
