package org.tavern.lobby.internal.common;

/**
 * A Wesnoth release line, such as {@code 1.16} or {@code 1.18}: the first two numbers of a client's
 * version. Clients of different lines must not share a game (their unit data differs and the game
 * goes out of sync), and wesnothd's answers changed between lines, so the server chooses its
 * behaviour by line. A version without two leading numbers (wesnothd's {@code test}) belongs to the
 * server's primary line: that of the first accepted version pattern that names one, as such a
 * client shares the lobby of the wesnothd that accepts it ({@link #primary}).
 */
public record VersionLine(String name, int major, int minor) implements Comparable<VersionLine> {

    /** The 1.16 line (wesnothd 1.16.9's behaviour). */
    public static final VersionLine V1_16 = new VersionLine("1.16", 1, 16);
    /** The 1.18 line (wesnothd 1.18.5's behaviour). */
    public static final VersionLine V1_18 = new VersionLine("1.18", 1, 18);
    /** The newest line whose behaviour Tavern speaks; lines without numbers speak it. */
    public static final VersionLine NEWEST = V1_18;

    public VersionLine {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a line needs a name");
        }
    }

    /** The line of a client announcing {@code version}; one without two numbers is in the newest line. */
    public static VersionLine of(String version) {
        return of(version, NEWEST);
    }

    /** The line of a client announcing {@code version}; one without two numbers is in {@code unnumbered}. */
    public static VersionLine of(String version, VersionLine unnumbered) {
        String[] parts = version.split("\\.", 3);
        if (parts.length >= 2 && isNumber(parts[0]) && isNumber(parts[1])) {
            int major = Integer.parseInt(parts[0]);
            int minor = Integer.parseInt(parts[1]);
            return new VersionLine(major + "." + minor, major, minor);
        }
        return unnumbered;
    }

    /**
     * The server's primary line: that of the first of {@code versionsAccepted} starting with two
     * numbers ({@code 1.16.*} → 1.16), as wesnothd names its first accepted version to clients it
     * rejects; the newest line when none does.
     */
    public static VersionLine primary(java.util.List<String> versionsAccepted) {
        for (String pattern : versionsAccepted) {
            VersionLine line = of(pattern, null);
            if (line != null) {
                return line;
            }
        }
        return NEWEST;
    }

    private static boolean isNumber(String part) {
        if (part.isEmpty() || part.length() > 6) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            if (part.charAt(i) < '0' || part.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether this line behaves as 1.18 (request_id on server choices, pre-start chat replayed to
     * joiners, [game_history_request] in the lobby, ...): 1.18 and later.
     */
    public boolean since118() {
        return compareTo(V1_18) >= 0;
    }

    /** The wesnothd release whose answers this line gets, as {@code /query version} names it. */
    public String serverVersion() {
        return since118() ? "1.18.5" : "1.16.9";
    }

    /** In release order. */
    @Override
    public int compareTo(VersionLine other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return name;
    }
}
