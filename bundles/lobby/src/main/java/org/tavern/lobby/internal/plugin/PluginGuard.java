package org.tavern.lobby.internal.plugin;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls plugins so that they cannot hurt players: each call runs on a small bounded pool and is waited
 * for at most a time budget; a call that throws, overruns or finds the pool full counts as a failure
 * and its caller gets the neutral answer (pass, allow). A plugin's first failure is logged with its
 * stack trace, later ones quietly; after too many within a window it is switched off with one line.
 */
public final class PluginGuard {

    private static final Logger LOG = LoggerFactory.getLogger(PluginGuard.class);

    /** Budget, failure count and window: from the lobby configuration. */
    public record Limits(long budgetMillis, int maxFailures, long windowMillis) {
        static final Limits DEFAULTS = new Limits(200, 5, 60_000);
    }

    private final ExecutorService calls;
    private final LongSupplier clock;
    private volatile Limits limits;

    public PluginGuard(ExecutorService calls, LongSupplier clock, Limits limits) {
        this.calls = calls;
        this.clock = clock;
        this.limits = limits;
    }

    public void useLimits(Limits newLimits) {
        limits = newLimits;
    }

    /**
     * The plugin's answer, or {@code fallback} if it is switched off, throws, answers null or does not
     * answer within the budget (it is interrupted then).
     */
    <R> R call(GuardedPlugin<?> plugin, String what, Callable<R> call, R fallback) {
        if (plugin.switchedOff()) {
            return fallback;
        }
        plugin.called();
        Limits current = limits;
        Future<R> answer;
        try {
            answer = calls.submit(call);
        } catch (RejectedExecutionException busy) {
            failed(plugin, what, "found every plugin thread busy", null, current);
            return fallback;
        }
        try {
            R result = answer.get(current.budgetMillis(), TimeUnit.MILLISECONDS);
            if (result == null) {
                failed(plugin, what, "answered null", null, current);
                return fallback;
            }
            return result;
        } catch (TimeoutException slow) {
            answer.cancel(true);
            failed(plugin, what, "took longer than " + current.budgetMillis() + " ms", null, current);
        } catch (ExecutionException thrown) {
            failed(plugin, what, "threw " + thrown.getCause(), thrown.getCause(), current);
        } catch (InterruptedException interrupted) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
        }
        return fallback;
    }

    /** Runs a call that answers nothing (a listener's), with the same budget and bookkeeping. */
    void run(GuardedPlugin<?> plugin, String what, Runnable call) {
        call(plugin, what, () -> {
            call.run();
            return Boolean.TRUE;
        }, Boolean.FALSE);
    }

    private void failed(GuardedPlugin<?> plugin, String what, String how, Throwable cause, Limits current) {
        GuardedPlugin.FailureOutcome outcome = plugin.failed(clock.getAsLong(), current.maxFailures(),
                current.windowMillis());
        if (outcome.first()) {
            LOG.warn("Plugin {} {} {} {}; skipped for this call (later failures are counted, not logged)",
                    plugin.role, plugin.name, what, how, cause);
        } else {
            LOG.debug("Plugin {} {} {} {}", plugin.role, plugin.name, what, how);
        }
        if (outcome.switchedOffNow()) {
            LOG.error("Plugin {} {} SWITCHED OFF after {} failures within {} s; update or restart its bundle to try "
                    + "it again", plugin.role, plugin.name, current.maxFailures(), current.windowMillis() / 1000);
        }
    }
}
