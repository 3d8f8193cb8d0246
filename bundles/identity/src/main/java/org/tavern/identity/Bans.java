package org.tavern.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The server's bans, shared by every server on the same database. Each change is committed before
 * the method returns, so a ban survives a crash the moment its command is answered.
 */
@ProviderType
public interface Bans {

    /**
     * Adds a ban ({@link Ban#of}); an active ban on exactly the same address mask is lifted (marked
     * deleted) in the same transaction.
     *
     * @return the stored ban, with its id
     * @throws IllegalArgumentException for an empty or over-long mask or text, or an end before the start
     */
    Ban add(Ban ban);

    /**
     * Stores a ban as another ban list kept it (a wesnothd ban file being imported), active or
     * deleted, without lifting any other ban.
     *
     * @return the stored ban, with its id
     * @throws IllegalArgumentException as {@link #add}, or for a ban that already has an id
     */
    Ban restore(Ban ban);

    /** The active ban whose address mask matches {@code ip}, the newest first; empty when none does. */
    Optional<Ban> find(String ip, Instant now);

    /** The bans active at {@code now}, oldest first. */
    List<Ban> active(Instant now);

    /** Lifted and expired bans (as far as {@link #expire} or {@link #remove} marked them), oldest first. */
    List<Ban> deleted();

    /** Lifts the active ban on exactly this mask; empty when there is none. */
    Optional<Ban> remove(String ipMask, Instant when);

    /**
     * Forgets every active ban of a ban group ({@code ungban}): as in wesnothd they are gone, not
     * kept among the deleted bans. Returns how many there were.
     */
    int removeGroup(String group);

    /** Marks the bans whose end has passed at {@code now} deleted; returns how many. */
    int expire(Instant now);

    /**
     * Calls {@code changed} (on a thread of the store's; keep it short) after another server sharing
     * the database added, restored or lifted bans, or when such news may have been missed: the
     * watcher should read the bans again ({@link #active}, {@link #deleted}). Expiry is not
     * announced: every server expires by the clock itself. With an embedded database no other server
     * shares it and {@code changed} is never called.
     *
     * @return closing it stops the calls
     */
    AutoCloseable watchOtherServers(Runnable changed);
}
