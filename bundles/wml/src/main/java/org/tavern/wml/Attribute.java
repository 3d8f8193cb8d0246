package org.tavern.wml;

/**
 * One {@code key=value} of an element: two spans over a buffer that is never written to. After a
 * document is written, the spans are moved into the output buffer so older buffers can be released.
 * The value span holds the raw text, still escaped ({@code ""}), exactly as it was received.
 */
final class Attribute {

    byte[] buf;
    int keyOffset;
    int keyLength;
    int valueOffset;
    int valueLength;

    Attribute(byte[] buf, int keyOffset, int keyLength, int valueOffset, int valueLength) {
        this.buf = buf;
        this.keyOffset = keyOffset;
        this.keyLength = keyLength;
        this.valueOffset = valueOffset;
        this.valueLength = valueLength;
    }

    Attribute copy() {
        return new Attribute(buf, keyOffset, keyLength, valueOffset, valueLength);
    }

    boolean keyEquals(String key) {
        return Bytes.equalsString(buf, keyOffset, keyLength, key);
    }

    String key() {
        return Bytes.string(buf, keyOffset, keyLength);
    }

    String rawValue() {
        return Bytes.string(buf, valueOffset, valueLength);
    }

    /** Unsigned byte-wise order of keys, as wesnothd sorts them. */
    static int compareKeys(Attribute a, Attribute b) {
        return java.util.Arrays.compareUnsigned(a.buf, a.keyOffset, a.keyOffset + a.keyLength,
                b.buf, b.keyOffset, b.keyOffset + b.keyLength);
    }

    void shift(byte[] newBuf, int delta) {
        buf = newBuf;
        keyOffset += delta;
        valueOffset += delta;
    }
}
