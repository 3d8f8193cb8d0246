package org.tavern.lobby.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** wesnothd's wildcard patterns ({@code *} any run, {@code ?} one character) and comma lists of them. */
final class Wildcards {

    private Wildcards() {
    }

    static List<String> list(String commaSeparated) {
        List<String> patterns = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            String trimmed = part.trim();
            if (!trimmed.isEmpty()) {
                patterns.add(trimmed);
            }
        }
        return patterns;
    }

    static boolean matches(String pattern, String text) {
        return matches(pattern, 0, text, 0);
    }

    static boolean matchesIgnoreCase(String pattern, String text) {
        return matches(pattern.toLowerCase(Locale.ROOT), text.toLowerCase(Locale.ROOT));
    }

    static boolean anyMatches(List<String> patterns, String text) {
        for (String pattern : patterns) {
            if (matches(pattern, text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String p, int pi, String t, int ti) {
        // Iterative with one backtrack point: linear for patterns with a single *, bounded otherwise.
        int starP = -1;
        int starT = -1;
        while (ti < t.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == t.charAt(ti))) {
                pi++;
                ti++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                starP = pi++;
                starT = ti;
            } else if (starP >= 0) {
                pi = starP + 1;
                ti = ++starT;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
