package org.tavern.lobby.internal.common;

/** What a nick may be, as wesnothd checks it at login (and the game history checks a searched nick). */
public final class Nicks {

    /** The longest nick, in characters (all of them ASCII). */
    public static final int MAX_LENGTH = 20;

    private Nicks() {
    }

    /** Only ASCII letters, digits, underscore and hyphen, and at least one of them. */
    public static boolean validCharacters(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
