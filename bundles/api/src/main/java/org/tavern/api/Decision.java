package org.tavern.api;

import java.util.Objects;

/**
 * A {@link GameRule}'s answer: allowed, allowed under another name, or refused with the reason the
 * player is shown.
 *
 * @param allowed whether it may go ahead
 * @param reason why not, as the player reads it; empty when allowed
 * @param gameName the name the game is shown under in the lobby instead of the host's (only from
 *        {@link GameRule#allowCreate}; ignored elsewhere); empty to keep the name
 */
public record Decision(boolean allowed, String reason, String gameName) {

    private static final Decision ALLOW = new Decision(true, "", "");

    public Decision {
        reason = reason == null ? "" : reason;
        gameName = gameName == null ? "" : gameName;
        if (!allowed && !gameName.isEmpty()) {
            throw new IllegalArgumentException("a refused game is not renamed");
        }
    }

    /** An answer that leaves the game's name as it is (the 1.2 form). */
    public Decision(boolean allowed, String reason) {
        this(allowed, reason, "");
    }

    public static Decision allow() {
        return ALLOW;
    }

    /**
     * Allowed, and shown in the lobby as {@code gameName} (a house tag, a censored title). Later
     * rules see the game under that name.
     *
     * @since 1.3
     */
    public static Decision allowAs(String gameName) {
        Objects.requireNonNull(gameName, "gameName");
        if (gameName.isBlank()) {
            throw new IllegalArgumentException("a game's name cannot be blank");
        }
        return new Decision(true, "", gameName);
    }

    public static Decision refuse(String reason) {
        Objects.requireNonNull(reason, "reason");
        return new Decision(false, reason);
    }
}
