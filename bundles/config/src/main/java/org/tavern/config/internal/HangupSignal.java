package org.tavern.config.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGHUP re-reads the configuration, as it makes wesnothd do; owners' scripts send it. Only the JDK's
 * {@code sun.misc.Signal} can catch a signal; where it is missing the server still runs and says so.
 */
final class HangupSignal {

    private static final Logger LOG = LoggerFactory.getLogger(HangupSignal.class);

    private HangupSignal() {
    }

    static void onHangup(Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> {
                Thread reload = new Thread(action, "tavern-sighup");
                reload.setDaemon(true);
                reload.start();
            });
        } catch (IllegalArgumentException | NoClassDefFoundError | UnsupportedOperationException e) {
            LOG.warn("SIGHUP cannot be caught here ({}); use tavern:reload to re-read the configuration", e.toString());
        }
    }
}
