package org.tavern.identity.internal;

import java.util.regex.Pattern;
import org.tavern.identity.Wildcards;

/**
 * {@link Wildcards} patterns as SQL conditions that select exactly the texts the in-memory matcher
 * accepts (WildcardsAgreementTest checks it on both databases).
 *
 * <p>PostgreSQL's {@code LIKE} counts characters as {@link Wildcards} does. H2's does not suit two
 * kinds of pattern, which become a regular expression there instead: with a {@code ?} or {@code +} (H2's
 * {@code _} matches one UTF-16 unit, half of a character outside the Basic Multilingual Plane such
 * as an emoji; the expression's {@code .} is one character), and with more than one {@code *} (H2
 * tries every split of the text between the stars: {@code *a*a*a*a*a*a*a*a*b} on a few hundred
 * {@code a}s does not finish; the expression takes the earliest place for each part, as the
 * in-memory matcher does). A plain {@code LIKE} is kept for the rest, so a prefix search can still
 * use an index.
 */
final class SqlWildcards {

    /** A condition with one {@code ?} parameter, and the value to bind to it. */
    record Condition(String sql, String parameter) {
    }

    private SqlWildcards() {
    }

    /** The condition that {@code column} (any SQL text expression) matches {@code pattern}. */
    static Condition matching(Database.Dialect dialect, String column, String pattern) {
        boolean oneCharacter = pattern.indexOf('?') >= 0 || pattern.indexOf('+') >= 0;
        boolean severalStars = pattern.indexOf('*') != pattern.lastIndexOf('*');
        if (dialect == Database.Dialect.H2 && (oneCharacter || severalStars)) {
            return new Condition("REGEXP_LIKE(" + column + ", ?)", toRegex(pattern));
        }
        return new Condition(column + " LIKE ? ESCAPE '\\'", toLike(pattern));
    }

    /** A SQL LIKE pattern (escape character {@code \}) matching what {@code pattern} matches. */
    static String toLike(String pattern) {
        StringBuilder like = new StringBuilder(pattern.length() + 4);
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            switch (ch) {
                case '*' -> like.append('%');
                case '?' -> like.append('_');
                case '+' -> like.append("_%");
                case '%', '_', '\\' -> like.append('\\').append(ch);
                default -> like.append(ch);
            }
        }
        return like.toString();
    }

    /**
     * A Java regular expression (as H2 runs them) matching what {@code pattern} matches as a whole.
     * Each part between two stars is an atomic group taking the earliest place it fits, as the
     * in-memory matcher does, so a pattern of many stars cannot make the engine backtrack
     * exponentially.
     */
    static String toRegex(String pattern) {
        String[] parts = pattern.replace("+", "?*").split("\\*", -1);
        StringBuilder regex = new StringBuilder("(?s)\\A").append(part(parts[0]));
        if (parts.length == 1) {
            return regex.append("\\z").toString();
        }
        for (int i = 1; i < parts.length - 1; i++) {
            regex.append("(?>.*?").append(part(parts[i])).append(')');
        }
        return regex.append(".*").append(part(parts[parts.length - 1])).append("\\z").toString();
    }

    /** A part without stars: {@code ?} is any one character, the rest literal. */
    private static String part(String part) {
        StringBuilder regex = new StringBuilder();
        int literalStart = 0;
        for (int i = 0; i <= part.length(); i++) {
            if (i == part.length() || part.charAt(i) == '?') {
                if (i > literalStart) {
                    regex.append(Pattern.quote(part.substring(literalStart, i)));
                }
                if (i < part.length()) {
                    regex.append('.');
                }
                literalStart = i + 1;
            }
        }
        return regex.toString();
    }
}
