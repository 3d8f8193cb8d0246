package org.tavern.lobby.internal.lobby;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.identity.Bans;
import org.tavern.lobby.internal.ban.BanList;
import org.tavern.lobby.internal.ban.StoredBans;

/**
 * Keeps the lobby's ban list and the ban store in step: the store's bans are read when it comes
 * (the ban file imported once), and read again when another server sharing its database changes them.
 */
public final class BanSync {

    private static final Logger LOG = LoggerFactory.getLogger(BanSync.class);

    private final LobbyState state;
    private final StoredBans storedBans;
    /** The lobby actor. */
    private final Executor actor;
    private final java.util.function.LongSupplier clock;
    /** Lobby actor only: the subscription to other servers' ban changes, and the store it is on. */
    private AutoCloseable banWatch;
    private Bans banWatchOf;

    BanSync(LobbyState state, StoredBans storedBans, Executor actor, java.util.function.LongSupplier clock) {
        this.state = state;
        this.storedBans = storedBans;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * Bans are kept in {@code store} from now on. Its bans are read here, on the caller's thread
     * (where the service is bound: at start, before connections are taken), after importing
     * {@code banFile} once; the lobby then holds them, and the bans it held that the store lacks.
     */
    public void useBanStore(Bans store, Path banFile) {
        StoredBans.Loaded loaded = StoredBans.load(store, banFile, clock.getAsLong());
        actor.execute(() -> {
            List<BanList.Ban> unsaved = new ArrayList<>();
            if (loaded != null) {
                state.bans = loaded.mergedWith(state.bans.bans(), unsaved, clock.getAsLong());
            }
            storedBans.useStore(store);
            watchOtherServersBans(store);
            if (!unsaved.isEmpty()) {
                storedBans.add(unsaved, failure -> {
                    if (failure != null) {
                        LOG.error("{} bans set while the ban store was away could not be saved: {}", unsaved.size(),
                                failure);
                    }
                });
            }
        });
    }

    public void dropBanStore(Bans store) {
        storedBans.dropStore(store);
        actor.execute(() -> {
            if (banWatch != null && banWatchOf == store) {
                closeBanWatch();
            }
        });
    }

    /**
     * Once the lobby's actors have stopped (it is deactivated; nothing runs on the actor any more, so
     * the caller owns the watch now): the store forgets this lobby. Else the store, which outlives
     * the lobby bundle, would keep the old lobby and its class loader after a live upgrade.
     */
    public void stopWatching() {
        closeBanWatch();
    }

    /** Lobby actor: servers sharing the store's database see each other's bans without a restart. */
    private void watchOtherServersBans(Bans store) {
        closeBanWatch();
        try {
            banWatch = store.watchOtherServers(() -> actor.execute(this::rereadBans));
            banWatchOf = store;
        } catch (RuntimeException e) {
            LOG.warn("Cannot follow other servers' bans in {}: {}", store, e.toString());
        }
    }

    private void closeBanWatch() {
        if (banWatch != null) {
            try {
                banWatch.close();
            } catch (Exception e) {
                LOG.debug("Closing the ban watch: {}", e.toString());
            }
            banWatch = null;
            banWatchOf = null;
        }
    }

    /**
     * Lobby actor: takes the store's bans as the lobby's, once the re-read includes every change this
     * server made; if this server changed its bans meanwhile, reads again (they are rare).
     */
    private void rereadBans() {
        long before = storedBans.changes();
        storedBans.reread(clock.getAsLong(), loaded -> actor.execute(() -> {
            if (storedBans.changes() != before) {
                rereadBans();
                return;
            }
            state.bans = new BanList(loaded.active(), loaded.deleted());
            LOG.info("Bans read again after another server's change: {} in force", loaded.active().size());
        }));
    }
}
