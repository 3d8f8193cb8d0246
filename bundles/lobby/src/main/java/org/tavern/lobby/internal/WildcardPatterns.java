package org.tavern.lobby.internal;

import java.util.List;

/**
 * The lobby's wildcard matching, reachable from its role packages. A stand-in while {@link Wildcards}
 * waits to be replaced by the one wesnothd matcher shared with the identity bundle (issue 18): the
 * callers then use that, and this class goes.
 */
public final class WildcardPatterns {

    private WildcardPatterns() {
    }

    public static List<String> list(String commaSeparated) {
        return Wildcards.list(commaSeparated);
    }

    public static boolean matches(String pattern, String text) {
        return Wildcards.matches(pattern, text);
    }

    public static boolean matchesIgnoreCase(String pattern, String text) {
        return Wildcards.matchesIgnoreCase(pattern, text);
    }

    public static boolean anyMatches(List<String> patterns, String text) {
        return Wildcards.anyMatches(patterns, text);
    }
}
