package org.tavern.identity.internal;

/**
 * Heap estimates for the caches' report, assuming a 64-bit JVM with compressed references and
 * compact (Latin-1) strings: an object header is 12 bytes, objects are 8-byte aligned.
 */
final class Sizes {

    private Sizes() {
    }

    /** A String and its byte array. */
    static long string(String s) {
        if (s == null) {
            return 0;
        }
        boolean latin1 = s.chars().allMatch(ch -> ch < 256);
        return 24 + align(16 + (long) s.length() * (latin1 ? 1 : 2));
    }

    static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
