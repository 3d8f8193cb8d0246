package org.tavern.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One played game, from its start to its end (the game history). As in wesnothd, each scenario of a
 * multi-scenario game is a record of its own, and they share {@link #lobbyId()}.
 */
@ProviderType
public interface GameRecord extends Entity {

    /** The server ({@code instance} setting) that ran the game, for databases shared by several. */
    String instance();

    /** The id the lobby gave the game; the scenarios of one campaign share it. 0 for records older than it. */
    int lobbyId();

    String name();

    /** The era's name (as the history shows it). */
    String era();

    /** The era's id; empty for records older than it. */
    String eraId();

    /** The scenario's name (as the history shows it). */
    String scenario();

    /** The scenario's id; empty for records older than it. */
    String scenarioId();

    /** The players' nicks, in side order (one per side: a nick playing two sides is there twice). */
    List<String> players();

    /** Each side with its player and faction, in side order. */
    List<GamePlayer> seats();

    /** The names of the modifications played. */
    List<String> modifications();

    Instant started();

    /** Empty while the game runs. */
    Optional<Instant> ended();

    /** Why the game ended (for example "victory", "host left"); empty while it runs. */
    Optional<String> terminationReason();

    /** The replay file written for it, relative to the server's home; empty when none. */
    Optional<String> replayFile();
}
