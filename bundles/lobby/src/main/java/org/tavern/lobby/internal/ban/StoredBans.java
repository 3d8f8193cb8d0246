package org.tavern.lobby.internal.ban;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.identity.Ban;
import org.tavern.identity.Bans;

/**
 * Keeps the lobby's bans ({@link BanList}, in memory on the lobby actor) durable in the identity
 * bundle's {@link Bans}, when that service is there; without it the bans last as long as the
 * process. Each change is written on the store executor (one task at a time, in order, never on
 * an actor) and its continuation runs once it is committed, so the administrator's answer can wait
 * for it. Whatever happens to the store, the change already applies in memory.
 */
public final class StoredBans {

    private static final Logger LOG = LoggerFactory.getLogger(StoredBans.class);

    private final AtomicReference<Bans> store = new AtomicReference<>();
    /** Runs one task at a time, in order; bounded. */
    private volatile Executor writes = Runnable::run;

    public void useExecutor(Executor writeExecutor) {
        writes = writeExecutor;
    }

    /** Null when bans are kept in memory only. */
    Bans store() {
        return store.get();
    }

    /** Changes go to {@code bans} from now on (lobby actor: after the store's bans were loaded). */
    public void useStore(Bans bans) {
        store.set(bans);
    }

    /** The store went away: bans are kept in memory only, unless another store came first. */
    public void dropStore(Bans bans) {
        if (store.compareAndSet(bans, null)) {
            LOG.warn("No ban store: new bans last until the server stops");
        }
    }

    /**
     * Adds bans; {@code committed} gets null once they are durable (at once without a store), or
     * why they are not.
     */
    public void add(List<BanList.Ban> bans, Consumer<String> committed) {
        change("saving " + bans.size() + " bans", committed, store -> {
            for (BanList.Ban ban : bans) {
                store.add(toStored(ban));
            }
        });
    }

    public void remove(String ipMask, long whenMillis, Consumer<String> committed) {
        change("lifting the ban on " + ipMask, committed, store -> store.remove(ipMask, Instant.ofEpochMilli(whenMillis)));
    }

    public void removeGroup(String group, Consumer<String> committed) {
        change("lifting ban group " + group, committed, store -> store.removeGroup(group));
    }

    /** Bans that ended move to the deleted ones in the store too (nobody waits for it). */
    public void expire(long nowMillis) {
        change("expiring bans", failure -> { }, store -> store.expire(Instant.ofEpochMilli(nowMillis)));
    }

    private interface Change {
        void apply(Bans store);
    }

    /** Changes of this server's bans handed to the store so far (lobby actor only). */
    private long changes;

    /** How many changes this server has handed to the store; a re-read is current only if none came since. */
    public long changes() {
        return changes;
    }

    /**
     * Reads the store's bans again (another server changed them), on the writer, so every change
     * handed over before this call is in what is read; {@code read} gets the result there.
     */
    public void reread(long nowMillis, Consumer<Loaded> read) {
        Bans bans = store.get();
        if (bans == null) {
            return;
        }
        try {
            writes.execute(() -> {
                Loaded loaded = load(bans, null, nowMillis);
                if (loaded != null) {
                    read.accept(loaded);
                }
            });
        } catch (RejectedExecutionException busy) {
            LOG.error("Ban store: too many writes waiting; another server's ban change is read at its next change");
        }
    }

    private void change(String what, Consumer<String> committed, Change change) {
        changes++;
        Bans bans = store.get();
        if (bans == null) {
            committed.accept(null);
            return;
        }
        try {
            writes.execute(() -> {
                String failure = null;
                try {
                    change.apply(bans);
                } catch (RuntimeException e) {
                    LOG.error("Ban store: failed {}", what, e);
                    failure = e.getMessage() == null ? e.toString() : e.getMessage();
                }
                committed.accept(failure);
            });
        } catch (RejectedExecutionException busy) {
            LOG.error("Ban store: too many writes waiting; not {}", what);
            committed.accept("the ban store is busy");
        }
    }

    /** What {@link #load} read: the bans in force and those lifted or expired. */
    public record Loaded(List<BanList.Ban> active, List<BanList.Ban> deleted) {

        /** The list the lobby keeps: these bans, and those of {@code held} the store lacks (set while it was away). */
        public BanList mergedWith(List<BanList.Ban> held, List<BanList.Ban> unsaved, long nowMillis) {
            Set<String> masks = new HashSet<>();
            for (BanList.Ban ban : active) {
                masks.add(ban.ipMask());
            }
            for (BanList.Ban ban : held) {
                if (!masks.contains(ban.ipMask()) && !ban.endedBy(nowMillis)) {
                    unsaved.add(ban);
                }
            }
            List<BanList.Ban> all = new ArrayList<>(active);
            all.addAll(unsaved);
            return new BanList(all, deleted);
        }
    }

    /**
     * Reads the store's bans, on the caller's thread (the component's binding: before the lobby
     * takes connections, so no banned address slips in at start). A {@code banFile} (wesnothd's
     * {@code ban_save_file}) still there is imported first, once: its bans go into the store and it
     * is renamed {@code .imported}.
     *
     * @return null when the store could not be read
     */
    public static Loaded load(Bans store, Path banFile, long nowMillis) {
        try {
            importFile(store, banFile, nowMillis);
            List<BanList.Ban> active = store.active(Instant.ofEpochMilli(nowMillis)).stream()
                    .map(StoredBans::fromStored).toList();
            List<BanList.Ban> deleted = store.deleted().stream().map(StoredBans::fromStored).toList();
            LOG.info("{} bans in force read from {}", active.size(), store);
            return new Loaded(active, deleted);
        } catch (RuntimeException e) {
            LOG.error("The bans could not be read from {}; only the bans in memory apply", store, e);
            return null;
        }
    }

    /**
     * wesnothd's ban file into the store, once: the deleted bans kept as deleted, the active ones
     * added (each replacing an active ban on the same mask); then the file is renamed. A failure
     * leaves the file where it is, to be imported at the next start.
     */
    static int importFile(Bans store, Path banFile, long nowMillis) {
        BanFile.Saved saved = BanFile.read(banFile);
        if (saved.isEmpty()) {
            markImported(banFile);
            return 0;
        }
        Instant now = Instant.ofEpochMilli(nowMillis);
        int imported = 0;
        for (BanList.Ban ban : saved.deleted()) {
            Ban stored = toStored(ban);
            imported += importOne(ban, () -> store.restore(new Ban(0, stored.ipMask(), stored.nickMask(),
                    stored.reason(), stored.issuer(), stored.group(), stored.start(), stored.end(), true, now)));
        }
        for (BanList.Ban ban : saved.active()) {
            imported += importOne(ban, () -> store.add(toStored(ban)));
        }
        Path renamed = markImported(banFile);
        LOG.warn("Imported {} of the {} bans and deleted bans of the ban file {} into the identity store{}", imported,
                saved.active().size() + saved.deleted().size(), banFile,
                renamed == null ? "" : "; the file is now " + renamed + " and is no longer read");
        return imported;
    }

    /** One entry of the file; one the store refuses (an over-long reason, say) is skipped, saying why. */
    private static int importOne(BanList.Ban ban, Runnable store) {
        try {
            store.run();
            return 1;
        } catch (IllegalArgumentException refused) {
            LOG.error("Ban on '{}' of the ban file not imported: {}", ban.ipMask(), refused.getMessage());
            return 0;
        }
    }

    private static Path markImported(Path banFile) {
        if (banFile == null || !java.nio.file.Files.exists(banFile)) {
            return null;
        }
        try {
            return BanFile.markImported(banFile);
        } catch (java.io.IOException e) {
            LOG.error("Could not rename the imported ban file {}; it will be imported again at the next start",
                    banFile, e);
            return null;
        }
    }

    static Ban toStored(BanList.Ban ban) {
        Instant start = Instant.ofEpochMilli(ban.startMillis());
        Instant end = ban.permanent() ? null : Instant.ofEpochMilli(Math.max(ban.endMillis(), ban.startMillis()));
        return Ban.of(ban.ipMask(), ban.nick(), ban.reason(), ban.issuer(), ban.group(), start, end);
    }

    static BanList.Ban fromStored(Ban ban) {
        return new BanList.Ban(ban.ipMask(), ban.nickMask(), ban.reason(), ban.start().toEpochMilli(),
                ban.endTime().map(Instant::toEpochMilli).orElse(BanDuration.PERMANENT), ban.issuer(), ban.group());
    }
}
