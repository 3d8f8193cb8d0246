package org.tavern.lobby.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every thread pool the lobby server runs, made here and stopped here, each bounded: a full queue
 * refuses work (and the caller says so) instead of growing without end. Two threads are not pools
 * and stay with their owners: each ReplayWriter's one writer (closed, after its queued writes,
 * when save_replays changes) and ProcessControl's exit thread.
 */
final class LobbyExecutors {

    private static final Logger LOG = LoggerFactory.getLogger(LobbyExecutors.class);

    /**
     * The store's writes (game records, bans): one thread, so each is written in the order it was
     * made, and a bounded queue; a full queue costs a record, never a stalled actor.
     */
    private static final int STORE_WRITE_QUEUE = 1024;
    private static final int HISTORY_SEARCH_QUEUE = 64;
    /**
     * Password hashing (Argon2) takes tens of milliseconds and memory: two threads at most, and a
     * bounded queue, so a login flood is refused ("try again later") instead of piling up.
     */
    private static final int PASSWORD_THREADS = 2;
    private static final int PASSWORD_QUEUE = 256;

    /** Threads shared by the lobby's actor and every game's actor. */
    final ExecutorService actors;
    final ThreadPoolExecutor storeWrites;
    final ThreadPoolExecutor historySearches;
    final ThreadPoolExecutor passwordChecks;
    /** shut_down's checks, lan_server and the login announcements' waits. */
    final ScheduledExecutorService timer;
    /** Threads plugin calls run on (so a call can be given up on), and the one lobby listeners hear events on. */
    final ThreadPoolExecutor pluginCalls;
    final ThreadPoolExecutor pluginEvents;

    LobbyExecutors() {
        actors = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), daemonThreads("tavern-actors-"));
        storeWrites = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(STORE_WRITE_QUEUE),
                daemonThreads("tavern-store-writes-"));
        historySearches = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(HISTORY_SEARCH_QUEUE), daemonThreads("tavern-history-"));
        passwordChecks = new ThreadPoolExecutor(PASSWORD_THREADS, PASSWORD_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(PASSWORD_QUEUE), daemonThreads("tavern-password-"));
        passwordChecks.allowCoreThreadTimeOut(true);
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tavern-lobby-timer");
            thread.setDaemon(true);
            return thread;
        });
        pluginCalls = new ThreadPoolExecutor(2, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64),
                daemonThreads("tavern-plugin-call-"));
        pluginEvents = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
                daemonThreads("tavern-plugin-events-"));
    }

    /** First: no plugin is called any more. */
    void stopPlugins() {
        pluginCalls.shutdownNow();
        pluginEvents.shutdownNow();
    }

    /** Then: the timer and the password checks stop, and the actors finish their queues (10 s at most). */
    void stopActors() throws InterruptedException {
        timer.shutdownNow();
        passwordChecks.shutdownNow();
        actors.shutdown();
        if (!actors.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("Lobby and game actors did not finish their queues within 10 s");
            actors.shutdownNow();
        }
    }

    /** Everything at once, for an activation that fails. */
    void stopAll() {
        try {
            stopPlugins();
            stopActors();
            stopStore();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Last: the store's writes waiting are written (10 s at most); searches are dropped. */
    void stopStore() throws InterruptedException {
        historySearches.shutdownNow();
        storeWrites.shutdown();
        if (!storeWrites.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("Store writes still waiting after 10 s; given up");
            storeWrites.shutdownNow();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
