package org.tavern.transport;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.LongAdder;
import org.tavern.wml.Document;

/**
 * A document as it goes on the wire: a 4-byte big-endian length and the gzip payload. Immutable;
 * one frame is written to every recipient of a broadcast (each gets a read-only view, never a copy).
 */
public final class EncodedFrame {

    private static final LongAdder ENCODINGS = new LongAdder();

    private final byte[] bytes;

    private EncodedFrame(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Encodes a document: its cached gzip form, deflated only if it was modified since. */
    public static EncodedFrame of(Document document) {
        ENCODINGS.increment();
        return ofGzip(document.compressedOutput());
    }

    /** Frames a gzip payload as is. */
    public static EncodedFrame ofGzip(byte[] gzip) {
        byte[] bytes = new byte[gzip.length + 4];
        bytes[0] = (byte) (gzip.length >>> 24);
        bytes[1] = (byte) (gzip.length >>> 16);
        bytes[2] = (byte) (gzip.length >>> 8);
        bytes[3] = (byte) gzip.length;
        System.arraycopy(gzip, 0, bytes, 4, gzip.length);
        return new EncodedFrame(bytes);
    }

    /** Length prefix plus payload, in bytes. */
    public int size() {
        return bytes.length;
    }

    /** A fresh read-only view of the frame's bytes, positioned at the start. */
    public ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /** How many documents were encoded into frames since start (for tests and statistics). */
    public static long encodings() {
        return ENCODINGS.sum();
    }
}
