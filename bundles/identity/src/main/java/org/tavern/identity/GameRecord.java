package org.tavern.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** One played game, from its start to its end (the game history). */
@ProviderType
public interface GameRecord extends Entity {

    /** The server ({@code instance} setting) that ran the game, for databases shared by several. */
    String instance();

    String name();

    String era();

    String scenario();

    /** The players' nicks, in side order. */
    List<String> players();

    Instant started();

    /** Empty while the game runs. */
    Optional<Instant> ended();

    /** Why the game ended (for example "victory", "host left"); empty while it runs. */
    Optional<String> terminationReason();

    /** The replay file written for it, relative to the server's home; empty when none. */
    Optional<String> replayFile();
}
