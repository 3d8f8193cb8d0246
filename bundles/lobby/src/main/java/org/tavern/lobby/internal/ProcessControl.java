package org.tavern.lobby.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.lobby.internal.common.ServerControl;

/** shut_down and restart acting on this process. */
final class ProcessControl implements ServerControl {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessControl.class);

    private final BundleContext context;
    private final ScheduledExecutorService timer;

    ProcessControl(BundleContext context, ScheduledExecutorService timer) {
        this.context = context;
        this.timer = timer;
    }

    /**
     * The transport is looked up when needed, not referenced: it references this component (its
     * connection handler), and a reference back would make the two wait on each other at start.
     */
    @Override
    public void stopAccepting() {
        org.osgi.framework.ServiceReference<org.tavern.transport.Transport> reference =
                context.getServiceReference(org.tavern.transport.Transport.class);
        org.tavern.transport.Transport transport = reference == null ? null : context.getService(reference);
        if (transport == null) {
            LOG.warn("No transport to stop accepting connections");
            return;
        }
        try {
            transport.stopAccepting();
        } finally {
            context.ungetService(reference);
        }
    }

    @Override
    public void schedule(long delayMillis, Runnable task) {
        try {
            timer.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            LOG.debug("Lobby stopping; a scheduled task was dropped");
        }
    }

    @Override
    public void startNewServer(String command) {
        try {
            new ProcessBuilder("/bin/sh", "-c", command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (java.io.IOException e) {
            LOG.error("restart_command '{}' could not be started", command, e);
        }
    }

    @Override
    public void exit(String reason) {
        // System.exit runs the launcher's shutdown hook, which stops every bundle cleanly (the
        // transport flushes and closes connections) before the JVM ends with status 0. It must not
        // run on the lobby actor, which the bundles' stop waits for.
        Thread exiting = new Thread(() -> {
            LOG.warn("Server exiting: {}", reason);
            System.exit(0);
        }, "tavern-exit");
        exiting.start();
    }
}
