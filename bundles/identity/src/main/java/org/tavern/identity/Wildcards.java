package org.tavern.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * wesnothd's wildcard patterns, the one matcher of the server: ban masks, nick masks of admin
 * commands, {@code versions_accepted} and {@code disallow_names}, and the stores' searches (which
 * translate the same patterns to SQL and are tested to agree with this class).
 *
 * <p>{@code *} matches any run of characters (also none), {@code +} any run of at least one,
 * {@code ?} exactly one character, and every other character itself; a pattern matches a text only
 * as a whole. There is no escape: a pattern cannot match a literal {@code *}, {@code +} or
 * {@code ?} only. A character is a Unicode code point.
 *
 * <p>wesnothd 1.16 ({@code utils::wildcard_string_match}, checked against the binary) does the same
 * on ASCII text, but for three slips that Tavern does not copy, because no SQL {@code LIKE} could
 * follow them and nobody relies on them: it compares bytes of UTF-8, so its {@code ?} matches one
 * byte of a non-ASCII character ({@code ??} matches {@code é}); its last {@code ?} may also match
 * the end of the text ({@code 1.16.?} accepts {@code 1.16.}), a read of the string's terminator;
 * and of a run of {@code +} and {@code *} before a part of the pattern only the first counts
 * ({@code ++a} matches {@code xa}, {@code *+a} matches {@code a}).
 */
public final class Wildcards {

    private Wildcards() {
    }

    /** Whether {@code text} as a whole matches {@code pattern}, case-sensitively. */
    public static boolean matches(String pattern, String text) {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(text, "text");
        return matches(withoutPlus(pattern), text.codePoints().toArray());
    }

    /** {@link #matches} with both sides lower-cased ({@link Locale#ROOT}), as wesnothd compares nicks. */
    public static boolean matchesIgnoreCase(String pattern, String text) {
        return matches(pattern.toLowerCase(Locale.ROOT), text.toLowerCase(Locale.ROOT));
    }

    /** Whether any of {@code patterns} matches {@code text} ({@link #matches}). */
    public static boolean anyMatches(List<String> patterns, String text) {
        for (String pattern : patterns) {
            if (matches(pattern, text)) {
                return true;
            }
        }
        return false;
    }

    /** The patterns of a comma-separated list (as wesnothd's configuration has them), trimmed, empty ones left out. */
    public static List<String> list(String commaSeparated) {
        List<String> patterns = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            String trimmed = part.trim();
            if (!trimmed.isEmpty()) {
                patterns.add(trimmed);
            }
        }
        return patterns;
    }

    /** The pattern's code points, each {@code +} written as the {@code ?*} it means. */
    private static int[] withoutPlus(String pattern) {
        return pattern.codePoints()
                .flatMap(cp -> cp == '+' ? java.util.stream.IntStream.of('?', '*') : java.util.stream.IntStream.of(cp))
                .toArray();
    }

    /**
     * Greedy with one backtrack point (the last {@code *}): a {@code *} first matches nothing and
     * grows one character at a time when what follows fails. Taking the earliest place for each
     * part between stars is never worse than a later one, so the work is at most the product of the
     * two lengths, never exponential in the number of stars.
     */
    private static boolean matches(int[] pattern, int[] text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length) {
            if (p < pattern.length && pattern[p] == '*') {
                star = p++;
                resume = t;
            } else if (p < pattern.length && (pattern[p] == '?' || pattern[p] == text[t])) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length && pattern[p] == '*') {
            p++;
        }
        return p == pattern.length;
    }
}
