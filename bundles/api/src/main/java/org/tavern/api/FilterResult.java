package org.tavern.api;

import java.util.Objects;

/**
 * What a {@link MessageFilter} decides about a message, which is also what the chain does next.
 *
 * @param action what happens to the message
 * @param text the new text for {@link Action#REPLACE}, the reply to the sender for {@link Action#DROP},
 *        the reason shown for {@link Action#DISCONNECT}; empty for {@link Action#PASS}
 */
public record FilterResult(Action action, String text) {

    /** The chain's next step. */
    public enum Action {
        /** Deliver unchanged; the next filter sees it. */
        PASS,
        /** Deliver with {@link FilterResult#text()} instead; the next filter sees the new text. */
        REPLACE,
        /** Deliver to nobody; the sender is told {@link FilterResult#text()} (if not empty). No later filter runs. */
        DROP,
        /** Deliver to nobody and disconnect the sender with {@link FilterResult#text()} as the reason. */
        DISCONNECT
    }

    private static final FilterResult PASS = new FilterResult(Action.PASS, "");

    public FilterResult {
        Objects.requireNonNull(action, "action");
        text = text == null ? "" : text;
    }

    public static FilterResult pass() {
        return PASS;
    }

    public static FilterResult replace(String text) {
        return new FilterResult(Action.REPLACE, text);
    }

    /** Drops the message; {@code replyToSender} is shown to the sender only (empty: nothing is said). */
    public static FilterResult drop(String replyToSender) {
        return new FilterResult(Action.DROP, replyToSender);
    }

    public static FilterResult disconnect(String reason) {
        return new FilterResult(Action.DISCONNECT, reason);
    }
}
