package org.tavern.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The game history. A started game's record is pinned in memory until it is ended; each call is
 * committed before it returns.
 */
@ProviderType
public interface GameRecords {

    int MAX_TEXT_LENGTH = 255;
    int MAX_PLAYERS = 64;

    /**
     * Records a game (or the next scenario of one) that starts.
     *
     * @throws IllegalArgumentException for an empty name, over-long texts or too many players
     */
    GameRecord recordStart(GameStart start);

    /**
     * Records a game that starts, known by names only: the era and scenario names serve as their ids
     * too, and the players sit at sides 1, 2, ... with no faction.
     *
     * @param players nicks in side order (at most {@value #MAX_PLAYERS})
     * @throws IllegalArgumentException for an empty name or over-long texts
     */
    default GameRecord recordStart(String name, String era, String scenario, List<String> players, Instant started) {
        List<GamePlayer> seats = new java.util.ArrayList<>(players.size());
        for (int i = 0; i < players.size(); i++) {
            seats.add(new GamePlayer(players.get(i), i + 1, ""));
        }
        return recordStart(new GameStart(0, name, scenario, scenario, era, era, List.of(), seats, started));
    }

    /**
     * Records the end of a started game and unpins it.
     *
     * @param replayFile may be null
     * @return empty when no game has this id
     * @throws IllegalStateException when the game has already ended
     */
    Optional<GameRecord> recordEnd(long id, Instant ended, String terminationReason, String replayFile);

    /**
     * Ends the records of this server ({@link GameRecord#instance()}) that are still open although
     * they started before {@code startedBefore}: games a crash or a kill left without an end. Each
     * gets {@code ended} and {@code reason}; returns how many.
     */
    int endAbandoned(Instant startedBefore, Instant ended, String reason);

    Optional<GameRecord> find(long id);

    /** Games matching the query, newest first. */
    List<GameRecord> query(GameQuery query);

    /** The identity map holding live game records, keyed by id. */
    IdentityMap<Long, GameRecord> identityMap();
}
