package org.tavern.loadgen;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Splits what a server sends into its parts, however the bytes are cut by TCP: first the 4-byte
 * handshake answer, then frames of a 4-byte big-endian length and that many payload bytes. A frame
 * is handed on only when complete. A length of zero or above the limit is a protocol error.
 */
final class FrameReader {

    /** What a server sent that is not a frame of this protocol. */
    static final class ProtocolException extends Exception {
        ProtocolException(String message) {
            super(message);
        }
    }

    private final int maxFrameBytes;
    private final byte[] header = new byte[4];
    private int headerFilled;
    private boolean handshakeDone;
    private byte[] payload;
    private int payloadFilled;

    FrameReader(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * Consumes all of {@code in}. The handshake answer (the server's connection number) goes to
     * {@code onHandshake}, each complete payload to {@code onFrame}.
     */
    void feed(ByteBuffer in, Consumer<Integer> onHandshake, Consumer<byte[]> onFrame) throws ProtocolException {
        while (in.hasRemaining()) {
            if (payload == null) {
                int n = Math.min(4 - headerFilled, in.remaining());
                in.get(header, headerFilled, n);
                headerFilled += n;
                if (headerFilled < 4) {
                    return;
                }
                headerFilled = 0;
                int value = (header[0] & 0xff) << 24 | (header[1] & 0xff) << 16 | (header[2] & 0xff) << 8 | header[3] & 0xff;
                if (!handshakeDone) {
                    handshakeDone = true;
                    onHandshake.accept(value);
                    continue;
                }
                if (value <= 0 || value > maxFrameBytes) {
                    throw new ProtocolException("frame length " + Integer.toUnsignedString(value)
                            + " outside 1.." + maxFrameBytes);
                }
                payload = new byte[value];
                payloadFilled = 0;
            }
            int n = Math.min(payload.length - payloadFilled, in.remaining());
            in.get(payload, payloadFilled, n);
            payloadFilled += n;
            if (payloadFilled == payload.length) {
                byte[] done = payload;
                payload = null;
                onFrame.accept(done);
            }
        }
    }
}
