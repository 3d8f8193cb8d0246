package org.tavern.identity.internal;

/** wesnothd's wildcards ({@code *} any run, {@code ?} one character) for masks and searches. */
final class Wildcards {

    private Wildcards() {
    }

    /** A SQL LIKE pattern (escape character {@code \}) matching what {@code pattern} matches. */
    static String toLike(String pattern) {
        StringBuilder like = new StringBuilder(pattern.length() + 4);
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            switch (ch) {
                case '*' -> like.append('%');
                case '?' -> like.append('_');
                case '%', '_', '\\' -> like.append('\\').append(ch);
                default -> like.append(ch);
            }
        }
        return like.toString();
    }

    /** Whether {@code text} matches {@code pattern} as a whole (case-sensitive). */
    static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
