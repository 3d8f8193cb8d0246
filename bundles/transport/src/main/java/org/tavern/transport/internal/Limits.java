package org.tavern.transport.internal;

import org.tavern.wml.WmlLimits;

/** The limits in force, replaced as a whole when the configuration changes (read without locks). */
record Limits(int handshakeTimeoutSeconds, int versionTimeoutSeconds, int loginTimeoutSeconds, int maxFrameBytes,
        WmlLimits wml, long maxQueuedBytes, int maxQueueAgeSeconds, long queueShareBytes, int sendBufferBytes,
        long budgetBytes, long budgetPerAddress, long budgetPerConnection, int maxFramesPerSecond, long maxReadBytesPerSecond,
        int maxPendingFrames, long maxPendingBytes, int connectionsPerIp) {

    /**
     * What one queued frame costs besides its bytes (MINA's write request, its future, the buffer
     * view and the queue node): a broadcast's bytes are shared by every recipient, this is not.
     */
    static final int QUEUED_FRAME_OVERHEAD = 200;
    /**
     * Over the memory budget, a queue past its share is cut only if it has not been empty for this
     * long: a client that reads empties it between bursts and stays, however large one burst is
     * (its own bound and the queue's age still hold); a frozen one does not.
     */
    static final long STALLED_QUEUE_MILLIS = 2000;

    static Limits from(TransportConfig config) {
        WmlLimits wml = WmlLimits.DEFAULT
                .withMaxCompressedBytes(positive(config.max_frame_bytes(), "max_frame_bytes"))
                .withMaxInflatedBytes(positive(config.max_inflated_bytes(), "max_inflated_bytes"));
        return new Limits(
                positive(config.handshake_timeout_seconds(), "handshake_timeout_seconds"),
                positive(config.version_timeout_seconds(), "version_timeout_seconds"),
                positive(config.login_timeout_seconds(), "login_timeout_seconds"),
                config.max_frame_bytes(),
                wml,
                positive(config.max_queued_bytes(), "max_queued_bytes"),
                positive(config.max_queue_age_seconds(), "max_queue_age_seconds"),
                positive(config.queue_share_bytes(), "queue_share_bytes"),
                Math.max(0, config.send_buffer_bytes()),
                positive(config.budget_bytes(), "budget_bytes"),
                positive(config.budget_bytes_per_address(), "budget_bytes_per_address"),
                positive(config.budget_bytes_per_connection(), "budget_bytes_per_connection"),
                positive(config.max_frames_per_second(), "max_frames_per_second"),
                positive(config.max_read_bytes_per_second(), "max_read_bytes_per_second"),
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
