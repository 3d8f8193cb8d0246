package org.tavern.api;

import java.time.Instant;
import java.util.List;

/**
 * A game as its actor saw it when asked.
 *
 * @param id the server's game id (the one {@code [join]} names)
 * @param name the name its host gave it
 * @param host the nick of its current host
 * @param started whether {@code [start_game]} was sent
 * @param turn the current turn (0 before the start)
 * @param players the members holding sides, host first
 * @param observers the members watching
 * @param scenario the scenario's id from the level, empty until the host sent it
 * @param createdAt when it was created
 * @param line the version line of its lobby ({@code 1.16}, {@code 1.18}, ...); only players of that
 *     line see it and may join it (since 1.4)
 */
public record GameInfo(int id, String name, String host, boolean started, int turn, List<String> players,
        List<String> observers, String scenario, Instant createdAt, String line) {

    public GameInfo {
        players = List.copyOf(players);
        observers = List.copyOf(observers);
        line = line == null ? "" : line;
    }

    /** As made before 1.4: the line is unknown (empty). */
    public GameInfo(int id, String name, String host, boolean started, int turn, List<String> players,
            List<String> observers, String scenario, Instant createdAt) {
        this(id, name, host, started, turn, players, observers, scenario, createdAt, "");
    }
}
