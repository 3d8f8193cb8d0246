package org.tavern.wml;

import java.nio.charset.StandardCharsets;

/** Small helpers over byte spans, so that lookups by name compare bytes instead of making Strings. */
final class Bytes {

    /** The name of every root element. */
    static final byte[] EMPTY = new byte[0];

    private Bytes() {
    }

    static String string(byte[] buf, int offset, int length) {
        return new String(buf, offset, length, StandardCharsets.UTF_8);
    }

    /** Compares a UTF-8 span with a String without allocating when the String is ASCII. */
    static boolean equalsString(byte[] buf, int offset, int length, String s) {
        int n = s.length();
        if (n > length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                byte[] encoded = s.getBytes(StandardCharsets.UTF_8);
                return java.util.Arrays.equals(buf, offset, offset + length, encoded, 0, encoded.length);
            }
            if (buf[offset + i] != (byte) c) {
                return false;
            }
        }
        return n == length;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
