package org.tavern.transport;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Keeps the core's state while the core is replaced (a live upgrade): the transport bundle, the
 * portal, holds the sockets and stays while the lobby bundle is stopped and started, so what it
 * keeps here outlives the lobby. The bytes are the lobby's state snapshot, in the lobby's own
 * format; this service only keeps them, and says whether an upgrade is under way, which tells a
 * lobby that is stopping to write its state here and one that is starting to take it over.
 *
 * @since 1.3
 */
@ProviderType
public interface HandoverHolder {

    /**
     * Announces an upgrade. Returns false, changing nothing, when one is already under way: two
     * upgrades at once would hand one state to two lobbies.
     */
    boolean beginUpgrade();

    /**
     * Announces a handover a stopping core begins by itself, because its bundle is stopped while
     * the framework runs on (the shell's {@code update} or {@code stop}, a refresh), not by an
     * upgrade command. As {@link #beginUpgrade()}, except that nobody waits to end it: the next core
     * that takes the state over ends it ({@link #tookOver()}). Returns false, changing nothing, when
     * a handover is already under way.
     */
    boolean beginUnattended();

    /** Whether an upgrade (or an unattended handover) is under way. */
    boolean upgradeUnderWay();

    /**
     * Keeps the core's state as it stopped (a copy), in place of any kept earlier in this upgrade.
     *
     * @throws IllegalStateException when no upgrade is under way: outside one a state would only go stale
     */
    void keep(byte[] snapshot);

    /** A copy of the state kept in this upgrade; empty when none was kept. */
    Optional<byte[]> kept();

    /**
     * A core has taken the kept state over: an unattended handover ends here (the flag is lowered,
     * the state dropped); an upgrade's is left to its command, which may still roll back.
     */
    void tookOver();

    /** The upgrade is over (done or rolled back): the flag is lowered and the state dropped. */
    void endUpgrade();
}
