package org.tavern.transport.internal;

import org.tavern.wml.WmlLimits;

/** The limits in force, replaced as a whole when the configuration changes (read without locks). */
record Limits(int handshakeTimeoutSeconds, int maxFrameBytes, WmlLimits wml, long maxQueuedBytes,
        int maxPendingFrames, long maxPendingBytes, int connectionsPerIp) {

    static Limits from(TransportConfig config) {
        WmlLimits wml = WmlLimits.DEFAULT
                .withMaxCompressedBytes(positive(config.max_frame_bytes(), "max_frame_bytes"))
                .withMaxInflatedBytes(positive(config.max_inflated_bytes(), "max_inflated_bytes"));
        return new Limits(
                positive(config.handshake_timeout_seconds(), "handshake_timeout_seconds"),
                config.max_frame_bytes(),
                wml,
                positive(config.max_queued_bytes(), "max_queued_bytes"),
                positive(config.max_pending_frames(), "max_pending_frames"),
                positive(config.max_pending_bytes(), "max_pending_bytes"),
                Math.max(0, config.connections_per_address()));
    }

    private static int positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }
}
