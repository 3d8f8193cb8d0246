package org.tavern.lobby.internal.admin;

/**
 * A command's arguments as wesnothd reads most of them: the first word (a mask, a nick), then the
 * rest trimmed (a reason), empty when there is none.
 */
record WordAndRest(String word, String rest) {

    static WordAndRest of(String arguments) {
        String[] parts = arguments.trim().split("\\s+", 2);
        return new WordAndRest(parts[0], parts.length > 1 ? parts[1].trim() : "");
    }
}
