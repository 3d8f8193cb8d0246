package org.tavern.api;

/**
 * One version line's lobby as the lobby saw it when asked.
 *
 * @param line the line's name ({@code 1.16}, {@code 1.18}, ...)
 * @param players its logged-in players (in its lobby and in its games)
 * @param games its games
 * @since 1.4
 */
public record LineFigures(String line, int players, int games) {
}
