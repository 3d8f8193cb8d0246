package org.tavern.lobby.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.lobby.internal.common.SerialExecutor;
import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.lobby.Lobby;
import org.tavern.lobby.internal.snapshot.LobbySnapshot;
import org.tavern.lobby.internal.snapshot.SnapshotException;
import org.tavern.lobby.internal.snapshot.SnapshotReader;
import org.tavern.lobby.internal.snapshot.SnapshotWriter;
import org.tavern.transport.HandoverHolder;
import org.tavern.transport.Transport;

/**
 * The lobby's side of a live upgrade. While the portal's {@link HandoverHolder} says an upgrade is
 * under way, a lobby that stops writes its state there, and a lobby that starts takes it over before
 * the transport hands it any connection; outside an upgrade neither does anything.
 *
 * <p>By the time the lobby stops, the transport has stopped handing it frames (it holds them until
 * the next lobby is bound), so once every actor has run what it was given nothing changes any more
 * and the capture is one consistent picture: the lobby and the games are first left to settle.
 */
final class CoreHandover {

    private static final Logger LOG = LoggerFactory.getLogger(CoreHandover.class);
    /** How long the actors may take to run what they were given before the capture. */
    private static final long SETTLE_MILLIS = 5_000;
    /** How long the capture and the restore may take. */
    private static final long HANDOVER_MILLIS = 10_000;

    private CoreHandover() {
    }

    /**
     * On deactivation: writes the state into the holder if an upgrade is under way, or if the
     * lobby bundle itself is stopping while the server runs on (the shell's {@code update <id>} or
     * {@code stop <id>}, a refresh): then it begins an unattended handover, which the next lobby
     * to start takes over and ends, so that no way of restarting the bundle drops the lobby. True
     * when it wrote the state (the games go on in the next lobby: their records stay open).
     */
    static boolean handOver(BundleContext context, Lobby lobby, SerialExecutor lobbyActor) {
        return withService(context, HandoverHolder.class, holder -> {
            if (holder == null) {
                return false;
            }
            boolean unattended = false;
            if (!holder.upgradeUnderWay()) {
                if (!bundleStopsWhileServerRuns(context) || !holder.beginUnattended()) {
                    return false;
                }
                unattended = true;
                LOG.info("The lobby bundle is stopping while the server runs on: its state is kept for the next lobby"
                        + " (tavern:upgrade is the way to replace it)");
            }
            boolean kept = keep(holder, lobby, lobbyActor);
            if (!kept && unattended) {
                holder.endUpgrade(); // nothing to take over: the next lobby starts afresh, and upgrades are allowed
            }
            return kept;
        });
    }

    /** This bundle is stopping and the framework is not (the whole server stopping ends the games instead). */
    private static boolean bundleStopsWhileServerRuns(BundleContext context) {
        try {
            return context.getBundle().getState() == Bundle.STOPPING && context.getBundle(0).getState() == Bundle.ACTIVE;
        } catch (IllegalStateException invalid) {
            return false;
        }
    }

    /** Settles the actors, captures the state and keeps it in the holder; false (logged) if that failed. */
    private static boolean keep(HandoverHolder holder, Lobby lobby, SerialExecutor lobbyActor) {
        long start = System.nanoTime();
        try {
            settle(lobby, lobbyActor);
            // the records the games opened must be known before they are captured
            lobby.gameArchive().writesDone().get(SETTLE_MILLIS, TimeUnit.MILLISECONDS);
            LobbySnapshot snapshot = lobby.handover().capture().get(HANDOVER_MILLIS, TimeUnit.MILLISECONDS);
            byte[] bytes = SnapshotWriter.write(snapshot);
            holder.keep(bytes);
            LOG.info("Lobby state handed over: {} connections, {} users, {} games, {} bytes in {} ms",
                    snapshot.sessions().size(), snapshot.users().size(), snapshot.games().size(), bytes.length,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.error("Interrupted while handing the lobby's state over; the next lobby starts without it");
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.error("Could not hand the lobby's state over; the next lobby starts without it", e);
            return false;
        }
    }

    /**
     * In activation: takes over the state kept in the holder if an upgrade is under way. A state
     * this lobby cannot read fails the activation (the upgrade is then refused), never half-applied.
     */
    static void takeOver(BundleContext context, Lobby lobby) throws SnapshotException {
        Optional<byte[]> kept = withService(context, HandoverHolder.class, holder -> {
            if (holder == null || !holder.upgradeUnderWay()) {
                return Optional.<byte[]>empty();
            }
            Optional<byte[]> state = holder.kept();
            if (state.isEmpty()) {
                holder.tookOver(); // an unattended handover that kept nothing ends here
            }
            return state;
        });
        if (kept.isEmpty()) {
            return;
        }
        LobbySnapshot snapshot = SnapshotReader.read(kept.get());
        lobby.gameArchive().continuesFrom(snapshot.statistics().startMillis());
        Integer carried = withService(context, Transport.class, transport -> {
            try {
                return lobby.handover().restore(snapshot, id -> transport == null ? null : transport.connection(id))
                        .get(HANDOVER_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while taking the lobby's state over", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the lobby's state could not be taken over: " + e.getCause().getMessage(),
                        e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("taking the lobby's state over took longer than " + HANDOVER_MILLIS + " ms");
            }
        });
        withService(context, HandoverHolder.class, holder -> {
            if (holder != null) {
                holder.tookOver(); // ends an unattended handover; an upgrade's command ends its own
            }
            return null;
        });
        LOG.info("Lobby state taken over: {} connections carried over", carried);
    }

    /** Until the lobby's actor and every game's have nothing left to do (bounded). */
    private static void settle(Lobby lobby, SerialExecutor lobbyActor)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
        while (true) {
            CompletableFuture<List<Game>> games = new CompletableFuture<>();
            lobby.execute(() -> games.complete(lobby.games()));
            List<CompletableFuture<Void>> barriers = new ArrayList<>();
            for (Game game : games.get(remaining(deadline), TimeUnit.NANOSECONDS)) {
                CompletableFuture<Void> barrier = new CompletableFuture<>();
                barriers.add(barrier);
                game.execute(() -> barrier.complete(null));
            }
            CompletableFuture.allOf(barriers.toArray(CompletableFuture[]::new)).get(remaining(deadline),
                    TimeUnit.NANOSECONDS);
            if (lobbyActor.idle() && games.join().stream().allMatch(Game::idle)) {
                return;
            }
        }
    }

    private static long remaining(long deadline) throws TimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new TimeoutException("the lobby's actors did not settle within " + SETTLE_MILLIS + " ms");
        }
        return left;
    }

    /** Calls {@code use} with the service (null when there is none) and lets it go again. */
    private static <S, R> R withService(BundleContext context, Class<S> type, Function<S, R> use) {
        ServiceReference<S> reference = context.getServiceReference(type);
        S service = reference == null ? null : context.getService(reference);
        try {
            return use.apply(service);
        } finally {
            if (service != null) {
                context.ungetService(reference);
            }
        }
    }
}
