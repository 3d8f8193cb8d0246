package org.tavern.lobby.internal.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.identity.GameQuery;
import org.tavern.identity.GameRecord;
import org.tavern.identity.GameRecords;
import org.tavern.identity.GameStart;

/**
 * The game history as the lobby keeps it in the identity bundle's {@link GameRecords}, when that
 * service is there (it comes and goes without restarting the lobby): each scenario a game plays is
 * recorded at its {@code [start_game]} and ended when the host moves on or the game ends, as
 * wesnothd writes its game_info rows. The store is never called on an actor: writes go to one
 * bounded executor that runs them one at a time in order (a game's start is written before its
 * end), searches to another, so a slow database delays neither the relay nor a ban's reply. A store
 * failure, or a full queue, is logged and costs that record only.
 */
public final class GameArchive {

    private static final Logger LOG = LoggerFactory.getLogger(GameArchive.class);
    /** wesnothd's answers when the history cannot be searched. */
    public static final String RETRIEVAL_ERROR = "Error retrieving game history.";
    public static final String BUSY_ERROR = "The server is busy. Please try again later.";

    /** The termination of the records an earlier run of this server left open (killed, crashed). */
    static final String ABANDONED_REASON = "server restart";
    /** The termination of the records of the games still running when the lobby stops. */
    static final String SHUTDOWN_REASON = "server shutdown";

    /** A record this server opened and has not ended, with the store that holds it. */
    private record Open(GameRecords store, long recordId) {
    }

    private final AtomicReference<GameRecords> store = new AtomicReference<>();
    /** Runs one task at a time, in order; bounded. */
    private volatile Executor writes = Runnable::run;
    /** Runs the history searches; bounded. */
    private volatile Executor reads = Runnable::run;
    /** By the lobby's game id. Written by tasks on {@link #writes} only; read by {@link #openRecords}. */
    private final Map<Integer, Open> open = new ConcurrentHashMap<>();
    /**
     * Records the previous lobby opened (a live upgrade), by game id, until a store is there to end
     * them in: then they join {@link #open}, on {@link #writes}.
     */
    private final Map<Integer, Long> adopted = new ConcurrentHashMap<>();
    private final AtomicBoolean abandonedEnded = new AtomicBoolean();
    private final LongSupplier clock;
    /** When this lobby started: a record of this server started earlier and still open was abandoned. */
    private volatile long startMillis;

    public GameArchive(LongSupplier clock) {
        this.clock = clock;
        this.startMillis = clock.getAsLong();
    }

    /**
     * This lobby took over from one started at {@code millis} (a live upgrade): the games it runs
     * started before this lobby did, and their records are not abandoned. Before the store is bound.
     */
    public void continuesFrom(long millis) {
        startMillis = Math.min(startMillis, millis);
    }

    /** Where the store is called from now on (the lobby server's executors; tests run tasks at once). */
    public void useExecutors(Executor writeExecutor, Executor readExecutor) {
        writes = writeExecutor;
        reads = readExecutor;
    }

    /**
     * The store to record in from now on. The first store this lobby gets ends, once, the records an
     * earlier run of this server left open: they started before this lobby did.
     */
    public void useStore(GameRecords records) {
        store.set(records);
        LOG.info("Games are recorded in {}", records);
        if (!adopted.isEmpty()) {
            write("taking over the open game records", this::takeAdopted);
        }
        if (abandonedEnded.get()) {
            return;
        }
        write("ending the game records an earlier run left open", () -> {
            if (abandonedEnded.get() || store.get() != records) {
                return;
            }
            Instant now = Instant.ofEpochMilli(clock.getAsLong());
            int ended = records.endAbandoned(Instant.ofEpochMilli(startMillis), now, ABANDONED_REASON);
            abandonedEnded.set(true);
            if (ended > 0) {
                LOG.warn("{} games an earlier run of this server left running are recorded as ended ({})", ended,
                        ABANDONED_REASON);
            }
        });
    }

    /**
     * The records the previous lobby opened for the games this one takes over (a live upgrade): the
     * end of each game is recorded in them, in the store bound now or the next one.
     */
    public void adopt(Map<Integer, Long> recordIds) {
        adopted.putAll(recordIds);
        write("taking over " + recordIds.size() + " open game records", this::takeAdopted);
    }

    /** On {@link #writes}: the adopted records join the open ones, in the store there is now. */
    private void takeAdopted() {
        GameRecords records = store.get();
        if (records == null) {
            return; // kept until a store comes
        }
        for (Integer lobbyId : List.copyOf(adopted.keySet())) {
            Long recordId = adopted.remove(lobbyId);
            if (recordId != null) {
                open.putIfAbsent(lobbyId, new Open(records, recordId));
            }
        }
    }

    /** The records open now, by game id, for a live upgrade's snapshot (the adopted ones too). */
    public Map<Integer, Long> openRecordIds() {
        Map<Integer, Long> ids = new TreeMap<>(adopted);
        open.forEach((lobbyId, record) -> ids.put(lobbyId, record.recordId()));
        return ids;
    }

    /** Completes once every store write asked for so far is done (a live upgrade waits for it). */
    public CompletableFuture<Void> writesDone() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            writes.execute(() -> done.complete(null));
        } catch (RejectedExecutionException busy) {
            done.completeExceptionally(busy);
        }
        return done;
    }

    /** The store went away: games are not recorded until another one comes. */
    public void dropStore(GameRecords records) {
        if (store.compareAndSet(records, null)) {
            LOG.info("No game record store: games are not recorded");
        }
    }

    /** Null when there is no store. */
    public GameRecords store() {
        return store.get();
    }

    /** A scenario of game {@code lobbyId} starts (any thread; the game's actor calls it). */
    public void started(int lobbyId, GameStart start) {
        write("recording the start of game " + lobbyId + " '" + start.name() + "'", () -> {
            GameRecords records = store.get();
            if (records == null) {
                return;
            }
            Open earlier = open.remove(lobbyId);
            if (earlier != null) {
                LOG.warn("Game {}: a scenario started while the record {} was open; that record stays open", lobbyId,
                        earlier.recordId());
            }
            GameRecord record = records.recordStart(start);
            open.put(lobbyId, new Open(records, record.id()));
            LOG.debug("Game {} '{}' recorded as {}", lobbyId, start.name(), record.id());
        });
    }

    /**
     * The scenario game {@code lobbyId} played has ended (any thread): its record gets the end, the
     * reason and the replay file (null when none was written). Nothing happens when it has no open record.
     */
    public void ended(int lobbyId, long endedMillis, String reason, String replayFile) {
        write("recording the end of game " + lobbyId, () -> {
            Open record = open.remove(lobbyId);
            if (record == null) {
                return;
            }
            if (record.store() != store.get()) {
                LOG.info("Game {}: the store that recorded its start is gone; record {} stays open until the next "
                        + "start ends it", lobbyId, record.recordId());
                return;
            }
            record.store().recordEnd(record.recordId(), Instant.ofEpochMilli(endedMillis), reason, replayFile);
        });
    }

    /** The lobby stops: every record still open ends with {@link #SHUTDOWN_REASON}. */
    public void endAll() {
        for (Integer lobbyId : List.copyOf(open.keySet())) {
            ended(lobbyId, clock.getAsLong(), SHUTDOWN_REASON, null);
        }
    }

    /** How many records are open (for tests and statistics). */
    int openRecords() {
        return open.size();
    }

    /** What a search found, or why it found nothing. */
    public record Found(List<GameRecord> games, String error) {

        static Found error(String error) {
            return new Found(List.of(), error);
        }
    }

    /** Searches off the caller's thread; {@code answer} runs on the searching thread, or at once when busy. */
    public void search(GameQuery query, Consumer<Found> answer) {
        GameRecords records = store.get();
        if (records == null) {
            answer.accept(Found.error(RETRIEVAL_ERROR));
            return;
        }
        try {
            reads.execute(() -> {
                Found found;
                try {
                    found = new Found(records.query(query), null);
                } catch (RuntimeException e) {
                    LOG.error("Searching the game history for '{}' (offset {}) failed", query.player(), query.offset(), e);
                    found = Found.error(RETRIEVAL_ERROR);
                }
                answer.accept(found);
            });
        } catch (RejectedExecutionException busy) {
            LOG.warn("Game history search for '{}' refused: too many searches waiting", query.player());
            answer.accept(Found.error(BUSY_ERROR));
        }
    }

    private void write(String what, Runnable task) {
        try {
            writes.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("Game history: failed {}", what, e);
                }
            });
        } catch (RejectedExecutionException busy) {
            LOG.error("Game history: too many store writes waiting; not {}", what);
        }
    }
}
