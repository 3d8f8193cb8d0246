package org.tavern.identity.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.identity.Ban;
import org.tavern.identity.Bans;
import org.tavern.identity.Wildcards;

/**
 * {@link Bans} over the {@code ban} table. Bans are read from the database on every call, so every
 * server sharing it sees a ban as soon as its command is answered; they are few, and a ban check
 * runs once per connection.
 */
@Component(service = Bans.class)
public final class BanStore implements Bans {

    private static final Logger LOG = LoggerFactory.getLogger(BanStore.class);
    private static final String COLUMNS =
            "id, ip_mask, nick_mask, reason, issuer, ban_group, start_time, end_time, deleted, deleted_at";

    /** The one key of the ban topic: another server's change makes a watcher read all bans again. */
    private static final String ANY_BAN = "*";

    private final Database database;
    private final List<Runnable> watchers = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Activate
    public BanStore(@Reference Database database) {
        this.database = database;
        database.subscribe("ban", new StoreChanges.Listener() {
            @Override
            public void changed(String key) {
                tellWatchers();
            }

            @Override
            public void missedSome() {
                tellWatchers();
            }
        });
    }

    @Override
    public AutoCloseable watchOtherServers(Runnable changed) {
        Objects.requireNonNull(changed, "changed");
        watchers.add(changed);
        return () -> watchers.remove(changed);
    }

    private void tellWatchers() {
        for (Runnable watcher : watchers) {
            try {
                watcher.run();
            } catch (RuntimeException e) {
                LOG.warn("A watcher of the bans failed on another server's change: {}", e.toString());
            }
        }
    }

    /** Inside a write: tells the other servers sharing the database that the bans changed. */
    private void announce(Connection c) throws SQLException {
        database.announce(c, "ban", ANY_BAN);
    }

    @Override
    public Ban add(Ban ban) {
        check(ban);
        if (ban.deleted()) {
            throw new IllegalArgumentException("add a new ban (Ban.of), not a stored or deleted one");
        }
        Ban stored = database.write("banning " + ban.ipMask(), c -> {
            lift(c, ban.ipMask(), ban.start());
            Ban inserted = insert(c, ban);
            announce(c);
            return inserted;
        });
        LOG.info("Ban {} on {} ({}) by {} until {}", stored.id(), stored.ipMask(), stored.nickMask(), stored.issuer(),
                stored.permanent() ? "forever" : stored.end());
        return stored;
    }

    @Override
    public Ban restore(Ban ban) {
        check(ban);
        return database.write("restoring a ban on " + ban.ipMask(), c -> {
            Ban inserted = insert(c, ban);
            announce(c);
            return inserted;
        });
    }

    private static void check(Ban ban) {
        Objects.requireNonNull(ban, "ban");
        checkMask(ban.ipMask());
        checkText("nick mask", ban.nickMask(), Ban.MAX_MASK_LENGTH);
        checkText("reason", ban.reason(), Ban.MAX_TEXT_LENGTH);
        checkText("issuer", ban.issuer(), Ban.MAX_MASK_LENGTH);
        checkText("group", ban.group(), Ban.MAX_MASK_LENGTH);
        if (ban.end() != null && ban.end().isBefore(ban.start())) {
            throw new IllegalArgumentException("a ban cannot end (" + ban.end() + ") before it starts (" + ban.start() + ")");
        }
        if (ban.id() != 0) {
            throw new IllegalArgumentException("a ban to store has no id yet (Ban.of), not " + ban.id());
        }
    }

    /** Inserts the ban as it is (a deleted one without a time of deletion gets its start). */
    private static Ban insert(Connection c, Ban ban) throws SQLException {
        Instant deletedAt = !ban.deleted() ? null : ban.deletedAt() != null ? ban.deletedAt() : ban.start();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ban (ip_mask, nick_mask, reason, issuer, "
                + "ban_group, start_time, end_time, deleted, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            insert.setString(1, ban.ipMask());
            insert.setString(2, ban.nickMask());
            insert.setString(3, ban.reason());
            insert.setString(4, ban.issuer());
            insert.setString(5, ban.group());
            insert.setLong(6, ban.start().toEpochMilli());
            if (ban.end() == null) {
                insert.setNull(7, Types.BIGINT);
            } else {
                insert.setLong(7, ban.end().toEpochMilli());
            }
            insert.setBoolean(8, ban.deleted());
            if (deletedAt == null) {
                insert.setNull(9, Types.BIGINT);
            } else {
                insert.setLong(9, deletedAt.toEpochMilli());
            }
            insert.executeUpdate();
            long id = AccountStore.generatedId(insert);
            return new Ban(id, ban.ipMask(), ban.nickMask(), ban.reason(), ban.issuer(), ban.group(),
                    millis(ban.start()), ban.end() == null ? null : millis(ban.end()), ban.deleted(),
                    deletedAt == null ? null : millis(deletedAt));
        }
    }

    @Override
    public Optional<Ban> find(String ip, Instant now) {
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(now, "now");
        List<Ban> active = active(now);
        for (int i = active.size() - 1; i >= 0; i--) {
            Ban ban = active.get(i);
            if (Wildcards.matches(ban.ipMask(), ip)) {
                return Optional.of(ban);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Ban> active(Instant now) {
        Objects.requireNonNull(now, "now");
        return database.read("listing bans", c -> select(c, "WHERE deleted = FALSE AND (end_time IS NULL OR end_time > ?)",
                now.toEpochMilli()));
    }

    @Override
    public List<Ban> deleted() {
        return database.read("listing deleted bans", c -> select(c, "WHERE deleted = TRUE", null));
    }

    @Override
    public Optional<Ban> remove(String ipMask, Instant when) {
        checkMask(ipMask);
        Objects.requireNonNull(when, "when");
        List<Ban> lifted = database.write("lifting the ban on " + ipMask, c -> {
            List<Ban> gone = lift(c, ipMask, when);
            if (!gone.isEmpty()) {
                announce(c);
            }
            return gone;
        });
        if (!lifted.isEmpty()) {
            LOG.info("Ban on {} lifted", ipMask);
        }
        return lifted.isEmpty() ? Optional.empty() : Optional.of(lifted.get(lifted.size() - 1));
    }

    @Override
    public int removeGroup(String group) {
        if (group == null || group.isBlank() || group.length() > Ban.MAX_MASK_LENGTH) {
            throw new IllegalArgumentException("a ban group is 1 to " + Ban.MAX_MASK_LENGTH + " characters: "
                    + (group == null ? "null" : "'" + Sizes.abbreviate(group) + "'"));
        }
        int removed = database.write("lifting ban group " + group, c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM ban WHERE deleted = FALSE AND ban_group = ?")) {
                delete.setString(1, group);
                int deleted = delete.executeUpdate();
                if (deleted > 0) {
                    announce(c);
                }
                return deleted;
            }
        });
        if (removed > 0) {
            LOG.info("Ban group {} lifted: {} bans", group, removed);
        }
        return removed;
    }

    @Override
    public int expire(Instant now) {
        Objects.requireNonNull(now, "now");
        return database.write("expiring bans", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE ban SET deleted = TRUE, deleted_at = ? "
                    + "WHERE deleted = FALSE AND end_time IS NOT NULL AND end_time <= ?")) {
                update.setLong(1, now.toEpochMilli());
                update.setLong(2, now.toEpochMilli());
                return update.executeUpdate();
            }
        });
    }

    /** Marks the active bans on exactly {@code ipMask} deleted; returns them as they were. */
    private static List<Ban> lift(Connection c, String ipMask, Instant when) throws SQLException {
        List<Ban> lifted = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                + " FROM ban WHERE deleted = FALSE AND ip_mask = ? ORDER BY id FOR UPDATE")) {
            select.setString(1, ipMask);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    lifted.add(ban(rs));
                }
            }
        }
        if (!lifted.isEmpty()) {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE ban SET deleted = TRUE, deleted_at = ? WHERE deleted = FALSE AND ip_mask = ?")) {
                update.setLong(1, when.toEpochMilli());
                update.setString(2, ipMask);
                update.executeUpdate();
            }
        }
        return lifted;
    }

    private static List<Ban> select(Connection c, String where, Long parameter) throws SQLException {
        List<Ban> bans = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM ban " + where + " ORDER BY id")) {
            if (parameter != null) {
                select.setLong(1, parameter);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    bans.add(ban(rs));
                }
            }
        }
        return bans;
    }

    private static Ban ban(ResultSet rs) throws SQLException {
        long end = rs.getLong(8);
        Instant endTime = rs.wasNull() ? null : Instant.ofEpochMilli(end);
        long deletedAt = rs.getLong(10);
        Instant deletedTime = rs.wasNull() ? null : Instant.ofEpochMilli(deletedAt);
        return new Ban(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)), endTime, rs.getBoolean(9), deletedTime);
    }

    /** Times are stored to the millisecond. */
    private static Instant millis(Instant time) {
        return Instant.ofEpochMilli(time.toEpochMilli());
    }

    private static void checkMask(String mask) {
        if (mask == null || mask.isBlank() || mask.length() > Ban.MAX_MASK_LENGTH) {
            throw new IllegalArgumentException("a ban mask is 1 to " + Ban.MAX_MASK_LENGTH + " characters: "
                    + (mask == null ? "null" : "'" + Sizes.abbreviate(mask) + "'"));
        }
    }

    private static void checkText(String what, String text, int max) {
        if (text.length() > max) {
            throw new IllegalArgumentException("a ban's " + what + " is at most " + max + " characters");
        }
    }
}
