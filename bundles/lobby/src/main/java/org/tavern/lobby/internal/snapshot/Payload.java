package org.tavern.lobby.internal.snapshot;

import java.util.Arrays;

/**
 * Bytes a snapshot carries as they are (a history's text, a level's gzip, a lobby list's WML), so
 * that what clients receive after a handover is byte for byte what they would have received before
 * it. Immutable: the array is copied in and out, and two payloads are equal when their bytes are.
 */
public final class Payload {

    private final byte[] bytes;

    private Payload(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Payload of(byte[] bytes) {
        return new Payload(bytes.clone());
    }

    /** Null stays null: many payloads of a game are optional (no level yet, not started). */
    public static Payload ofNullable(byte[] bytes) {
        return bytes == null ? null : of(bytes);
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** For the writer: the array itself, never handed further. */
    byte[] shared() {
        return bytes;
    }

    /** For the reader: an array nobody else holds. */
    static Payload adopt(byte[] bytes) {
        return new Payload(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Payload payload && Arrays.equals(bytes, payload.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Payload[" + bytes.length + " bytes]";
    }
}
