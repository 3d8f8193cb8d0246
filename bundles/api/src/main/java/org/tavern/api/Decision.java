package org.tavern.api;

import java.util.Objects;

/**
 * A {@link GameRule}'s answer: allowed, or refused with the reason the player is shown.
 *
 * @param allowed whether it may go ahead
 * @param reason why not, as the player reads it; empty when allowed
 */
public record Decision(boolean allowed, String reason) {

    private static final Decision ALLOW = new Decision(true, "");

    public Decision {
        reason = reason == null ? "" : reason;
    }

    public static Decision allow() {
        return ALLOW;
    }

    public static Decision refuse(String reason) {
        Objects.requireNonNull(reason, "reason");
        return new Decision(false, reason);
    }
}
