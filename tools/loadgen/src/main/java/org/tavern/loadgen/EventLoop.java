package org.tavern.loadgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One thread, one selector, many client connections. Everything about a connection (its socket,
 * its checks) happens on its loop's thread; other threads hand work over with {@link #execute}.
 * A few loops are enough to keep the load generator far from being the bottleneck.
 */
final class EventLoop implements AutoCloseable {

    private record Timer(long atNanos, long order, Runnable task) {
    }

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> a.atNanos != b.atNanos
            ? Long.compare(a.atNanos, b.atNanos) : Long.compare(a.order, b.order));
    private final Verdict verdict;
    private long timerOrder;
    private volatile boolean running = true;
    /** Shared by the loop's connections: reads happen one at a time. */
    final ByteBuffer readBuffer = ByteBuffer.allocateDirect(256 * 1024);
    final DocumentCache cache = new DocumentCache(4096);

    EventLoop(String name, Verdict verdict) {
        this.verdict = verdict;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    Selector selector() {
        return selector;
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on this loop's thread, after what was handed over before it. */
    void execute(Runnable task) {
        tasks.add(task);
        if (!inLoop() && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /** Runs {@code task} on this loop at {@code atNanos} ({@link System#nanoTime()}), or soon after. */
    void schedule(long atNanos, Runnable task) {
        if (!inLoop()) {
            execute(() -> schedule(atNanos, task));
            return;
        }
        timers.add(new Timer(atNanos, timerOrder++, task));
    }

    private void run() {
        while (running) {
            try {
                runTasks();
                long timeoutMillis = 100;
                Timer next = timers.peek();
                if (next != null) {
                    long waitNanos = next.atNanos - System.nanoTime();
                    timeoutMillis = waitNanos <= 0 ? -1 : Math.max(1, Math.min(100, waitNanos / 1_000_000));
                }
                if (!tasks.isEmpty() || timeoutMillis < 0) {
                    selector.selectNow();
                } else {
                    selector.select(timeoutMillis);
                }
                wakeupPending.set(false);
                for (SelectionKey key : selector.selectedKeys()) {
                    ((Client) key.attachment()).ready(key);
                }
                selector.selectedKeys().clear();
                runTimers();
            } catch (Throwable t) {
                // A bug in a check must fail the run loudly, never stop the loop silently.
                verdict.protocolError("event loop " + thread.getName() + ": " + t);
            }
        }
    }

    private void runTasks() {
        Runnable task;
        int budget = 10_000;
        while (budget-- > 0 && (task = tasks.poll()) != null) {
            task.run();
        }
    }

    private void runTimers() {
        long now = System.nanoTime();
        while (!timers.isEmpty() && timers.peek().atNanos <= now) {
            timers.poll().task.run();
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
            selector.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
