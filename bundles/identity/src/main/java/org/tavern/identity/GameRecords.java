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
     * Records a game that starts now.
     *
     * @param players nicks in side order (at most {@value #MAX_PLAYERS})
     * @throws IllegalArgumentException for an empty name or over-long texts
     */
    GameRecord recordStart(String name, String era, String scenario, List<String> players, Instant started);

    /**
     * Records the end of a started game and unpins it.
     *
     * @param replayFile may be null
     * @return empty when no game has this id
     * @throws IllegalStateException when the game has already ended
     */
    Optional<GameRecord> recordEnd(long id, Instant ended, String terminationReason, String replayFile);

    Optional<GameRecord> find(long id);

    /** Games matching the query, newest first. */
    List<GameRecord> query(GameQuery query);

    /** The identity map holding live game records, keyed by id. */
    IdentityMap<Long, GameRecord> identityMap();
}
