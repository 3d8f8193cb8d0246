package org.tavern.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A ban, as wesnothd keeps it: an address or address mask ({@code *} and {@code ?} wildcards),
 * the nick (or nick mask) it was issued for, why, by whom, the ban group, when it started and
 * when it ends ({@code end} null: permanent). A lifted or expired ban is kept, {@code deleted}.
 *
 * @param id the store's id; 0 for a ban not yet added
 * @param deletedAt when it was lifted or found expired; null while active
 */
public record Ban(long id, String ipMask, String nickMask, String reason, String issuer, String group,
        Instant start, Instant end, boolean deleted, Instant deletedAt) {

    public static final int MAX_MASK_LENGTH = 255;
    public static final int MAX_TEXT_LENGTH = 1024;

    public Ban {
        Objects.requireNonNull(ipMask, "ipMask");
        Objects.requireNonNull(start, "start");
        nickMask = nickMask == null ? "" : nickMask;
        reason = reason == null ? "" : reason;
        issuer = issuer == null ? "" : issuer;
        group = group == null ? "" : group;
    }

    /** A new ban, to be given to {@link Bans#add}; {@code end} null is permanent. */
    public static Ban of(String ipMask, String nickMask, String reason, String issuer, String group,
            Instant start, Instant end) {
        return new Ban(0, ipMask, nickMask, reason, issuer, group, start, end, false, null);
    }

    public boolean permanent() {
        return end == null;
    }

    public Optional<Instant> endTime() {
        return Optional.ofNullable(end);
    }

    /** Not deleted and not past its end at {@code now}. */
    public boolean activeAt(Instant now) {
        return !deleted && (end == null || end.isAfter(now));
    }
}
