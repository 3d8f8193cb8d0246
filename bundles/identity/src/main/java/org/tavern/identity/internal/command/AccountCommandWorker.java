package org.tavern.identity.internal.command;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The thread an account command ({@code register}, {@code passwd}) runs on. Hashing a password costs
 * tens of milliseconds and the store commits before answering, while an admin command must never
 * block its caller (the lobby's actor, for {@code /query}). A few commands wait at most; past that
 * the issuer is told to retry.
 */
final class AccountCommandWorker implements AutoCloseable {

    static final int MAX_WAITING = 16;
    static final String BUSY = "The account store is busy; try again in a moment.";

    private final ThreadPoolExecutor executor;

    AccountCommandWorker(String name) {
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(MAX_WAITING),
                runnable -> {
                    Thread thread = new Thread(runnable, "tavern-" + name);
                    thread.setDaemon(true);
                    return thread;
                });
    }

    CompletionStage<String> submit(Supplier<String> work) {
        try {
            return CompletableFuture.supplyAsync(work, executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(BUSY);
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
