package org.tavern.lobby.internal.login;

/**
 * Wesnoth version numbers compared as the server does: dotted numbers, component by component; a
 * part that is not a number (as in {@code test} or {@code 1.16.9+dev}) counts up to its first
 * non-digit, so {@code test} is 0.0.0.
 */
public final class ClientVersion {

    private ClientVersion() {
    }

    public static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? leadingNumber(x[i]) : 0;
            long q = i < y.length ? leadingNumber(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static long leadingNumber(String part) {
        long value = 0;
        for (int i = 0; i < part.length() && i < 18; i++) {
            char c = part.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
