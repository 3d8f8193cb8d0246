package org.tavern.wml;

/**
 * Input that is not acceptable WML: malformed text, bad gzip, or a document over one of the
 * {@link WmlLimits}. The {@link #reason()} is worded like wesnothd's parser messages, because the
 * server sends it back to the client as {@code Invalid WML received: <reason>}.
 */
public final class WmlException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long offset;
    private final String reason;

    public WmlException(String reason, long offset) {
        super(reason + " (at byte " + offset + ")", null, false, false);
        this.reason = reason;
        this.offset = offset;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }

    /** Byte offset into the input (the decompressed text for parse errors, the gzip for others). */
    public long offset() {
        return offset;
    }
}
