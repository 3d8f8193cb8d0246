package org.tavern.lobby.internal.common;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An actor's mailbox: runs submitted tasks one at a time, in order, on a shared pool. Many actors
 * (the lobby, every game) share the pool's threads, so two games make progress on two cores at once
 * while each game's state is only ever touched by one task at a time. A failing task is logged and
 * does not stop the ones after it.
 */
public final class SerialExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor pool;
    private final String name;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    public SerialExecutor(Executor pool, String name) {
        this.pool = pool;
        this.name = name;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        try {
            pool.execute(this::drain);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // The pool is shut down: the lobby is stopping (a late unbind after a failed start, say) and
            // nothing will run again here; what was queued goes, quietly.
            synchronized (tasks) {
                LOG.debug("{} stopped: {} queued tasks dropped", name, tasks.size());
                tasks.clear();
                running = false;
            }
        }
    }

    /** Tasks run per turn on a pool thread before the actor yields it to others. */
    private static final int BATCH = 64;

    private void drain() {
        for (int done = 0; ; done++) {
            if (done == BATCH) {
                pool.execute(this::drain); // still marked running: requeue to be fair to other actors
                return;
            }
            Runnable task;
            synchronized (tasks) {
                task = tasks.poll();
                if (task == null) {
                    running = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Task failed in {}", name, e);
            }
        }
    }

    /**
     * Nothing waiting and nothing running (a live upgrade waits for every actor to be idle before it
     * captures the state). A moment's answer: a task may arrive right after it.
     */
    public boolean idle() {
        synchronized (tasks) {
            return !running && tasks.isEmpty();
        }
    }

    /** Tasks waiting (for statistics). */
    int backlog() {
        synchronized (tasks) {
            return tasks.size();
        }
    }
}
