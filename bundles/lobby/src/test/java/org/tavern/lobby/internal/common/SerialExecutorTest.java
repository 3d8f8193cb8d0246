package org.tavern.lobby.internal.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    @Test
    void tasksRunOneAtATimeInSubmissionOrderOnASharedPool() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            SerialExecutor actor = new SerialExecutor(pool, "test");
            List<Integer> seen = new ArrayList<>(); // deliberately unsynchronised: the actor is the lock
            AtomicInteger concurrent = new AtomicInteger();
            AtomicInteger maxConcurrent = new AtomicInteger();
            int tasks = 10_000;
            CountDownLatch done = new CountDownLatch(tasks);
            Thread[] submitters = new Thread[1];
            submitters[0] = new Thread(() -> {
                for (int i = 0; i < tasks; i++) {
                    int n = i;
                    actor.execute(() -> {
                        maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                        seen.add(n);
                        concurrent.decrementAndGet();
                        done.countDown();
                    });
                }
            });
            submitters[0].start();
            assertTrue(done.await(30, TimeUnit.SECONDS));
            assertEquals(1, maxConcurrent.get(), "never two tasks of one actor at once");
            for (int i = 0; i < tasks; i++) {
                assertEquals(i, seen.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingTaskDoesNotStopTheOnesAfterIt() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            SerialExecutor actor = new SerialExecutor(pool, "test");
            CountDownLatch after = new CountDownLatch(1);
            actor.execute(() -> {
                throw new IllegalStateException("boom");
            });
            actor.execute(after::countDown);
            assertTrue(after.await(10, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoActorsRunInParallel() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            SerialExecutor first = new SerialExecutor(pool, "first");
            SerialExecutor second = new SerialExecutor(pool, "second");
            CountDownLatch bothRunning = new CountDownLatch(2);
            CountDownLatch finished = new CountDownLatch(2);
            Runnable meet = () -> {
                bothRunning.countDown();
                try {
                    if (bothRunning.await(10, TimeUnit.SECONDS)) {
                        finished.countDown();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            first.execute(meet);
            second.execute(meet);
            assertTrue(finished.await(20, TimeUnit.SECONDS), "the two actors were running at the same time");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTaskAfterThePoolStoppedIsDroppedNotThrown() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        SerialExecutor actor = new SerialExecutor(pool, "stopped");
        pool.shutdown();
        org.junit.jupiter.api.Assertions.assertTrue(pool.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS));
        java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
        actor.execute(() -> ran.set(true)); // a late unbind while the lobby stops: no RejectedExecutionException
        actor.execute(() -> ran.set(true));
        org.junit.jupiter.api.Assertions.assertFalse(ran.get());
    }
}
