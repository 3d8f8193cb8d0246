package org.tavern.transport.internal;

import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.transport.HandoverHolder;

/**
 * The portal's keeper of the core's state across a live upgrade. Immediate, so that it lives as
 * long as the transport bundle: a delayed component would be disposed of when its last user (the
 * stopping lobby) lets go, and the state with it. Not on any hot path (an upgrade calls it a few
 * times), so plain synchronized methods.
 */
@Component(service = HandoverHolder.class, immediate = true)
public final class HandoverStore implements HandoverHolder {

    private static final Logger LOG = LoggerFactory.getLogger(HandoverStore.class);

    private boolean underWay;
    /** Begun by a stopping core, not by a command: the next core's take-over ends it. */
    private boolean unattended;
    private byte[] snapshot;

    @Override
    public synchronized boolean beginUpgrade() {
        if (underWay) {
            return false;
        }
        underWay = true;
        unattended = false;
        snapshot = null;
        return true;
    }

    @Override
    public synchronized boolean beginUnattended() {
        if (!beginUpgrade()) {
            return false;
        }
        unattended = true;
        return true;
    }

    @Override
    public synchronized void tookOver() {
        if (unattended) {
            endUpgrade();
        }
    }

    @Override
    public synchronized boolean upgradeUnderWay() {
        return underWay;
    }

    @Override
    public synchronized void keep(byte[] state) {
        if (!underWay) {
            throw new IllegalStateException("no upgrade is under way: a state kept now would only go stale");
        }
        snapshot = state.clone();
        LOG.info("Keeping the core's state for the upgrade ({} bytes)", snapshot.length);
    }

    @Override
    public synchronized Optional<byte[]> kept() {
        return snapshot == null ? Optional.empty() : Optional.of(snapshot.clone());
    }

    @Override
    public synchronized void endUpgrade() {
        underWay = false;
        unattended = false;
        snapshot = null;
    }
}
