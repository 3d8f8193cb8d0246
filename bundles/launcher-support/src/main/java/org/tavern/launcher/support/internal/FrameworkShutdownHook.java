package org.tavern.launcher.support.internal;

import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * A JVM shutdown hook that stops the OSGi framework and waits (bounded) until every bundle has
 * stopped, so a SIGTERM from a service manager closes connections and flushes state like a
 * {@code stop 0} in the shell would.
 */
final class FrameworkShutdownHook extends Thread {

    /** How long the JVM waits for bundles to stop before it exits anyway. */
    static final long STOP_TIMEOUT_SECONDS = 30;

    private final Bundle systemBundle;

    FrameworkShutdownHook(Bundle systemBundle) {
        super("tavern-shutdown");
        this.systemBundle = systemBundle;
    }

    void install() {
        Runtime.getRuntime().addShutdownHook(this);
    }

    /** Called when the framework stops by itself (shell {@code stop 0}): the hook is not needed then. */
    void uninstall() {
        if (Thread.currentThread() == this) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(this);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The JVM is exiting and this hook is running or about to: nothing to remove.
        }
    }

    @Override
    public void run() {
        try {
            systemBundle.stop();
        } catch (BundleException | IllegalStateException e) {
            // The framework is already stopping or stopped; fall through to the wait.
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_TIMEOUT_SECONDS);
        while ((systemBundle.getState() & (Bundle.ACTIVE | Bundle.STOPPING | Bundle.STARTING)) != 0
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
