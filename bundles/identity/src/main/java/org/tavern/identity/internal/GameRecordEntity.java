package org.tavern.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tavern.identity.Attributes;
import org.tavern.identity.GamePlayer;
import org.tavern.identity.GameRecord;

/** The live object of one game record; its end is set by {@link GameRecordStore} after the commit. */
final class GameRecordEntity implements GameRecord {

    static final String TYPE = "game";

    private final long id;
    private final String instance;
    private final int lobbyId;
    private final String name;
    private final String era;
    private final String eraId;
    private final String scenario;
    private final String scenarioId;
    private final List<GamePlayer> seats;
    private final List<String> players;
    private final List<String> modifications;
    private final Instant started;
    private final EntityAttributes attributes;
    private volatile Instant ended;
    private volatile String terminationReason;
    private volatile String replayFile;

    /** What a record holds besides its id, its instance and its end. */
    record Content(int lobbyId, String name, String era, String eraId, String scenario, String scenarioId,
            List<GamePlayer> seats, List<String> modifications, Instant started) {

        Content {
            seats = List.copyOf(seats);
            modifications = List.copyOf(modifications);
        }
    }

    GameRecordEntity(Database database, long id, String instance, Content content, Instant ended,
            String terminationReason, String replayFile) {
        this.id = id;
        this.instance = instance;
        this.lobbyId = content.lobbyId();
        this.name = content.name();
        this.era = content.era();
        this.eraId = content.eraId();
        this.scenario = content.scenario();
        this.scenarioId = content.scenarioId();
        this.seats = content.seats();
        this.players = seats.stream().map(GamePlayer::nick).toList();
        this.modifications = content.modifications();
        this.started = content.started();
        this.ended = ended;
        this.terminationReason = terminationReason;
        this.replayFile = replayFile;
        this.attributes = new EntityAttributes(database, TYPE, id, String.valueOf(id));
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String instance() {
        return instance;
    }

    @Override
    public int lobbyId() {
        return lobbyId;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String eraId() {
        return eraId;
    }

    @Override
    public String scenarioId() {
        return scenarioId;
    }

    @Override
    public List<GamePlayer> seats() {
        return seats;
    }

    @Override
    public List<String> modifications() {
        return modifications;
    }

    @Override
    public String era() {
        return era;
    }

    @Override
    public String scenario() {
        return scenario;
    }

    @Override
    public List<String> players() {
        return players;
    }

    @Override
    public Instant started() {
        return started;
    }

    @Override
    public Optional<Instant> ended() {
        return Optional.ofNullable(ended);
    }

    @Override
    public Optional<String> terminationReason() {
        return Optional.ofNullable(terminationReason);
    }

    @Override
    public Optional<String> replayFile() {
        return Optional.ofNullable(replayFile);
    }

    @Override
    public Attributes attributes() {
        return attributes;
    }

    void end(Instant when, String reason, String replay) {
        this.terminationReason = reason;
        this.replayFile = replay;
        this.ended = when;
    }

    long estimatedBytes() {
        long bytes = 80 + Sizes.string(instance) + Sizes.string(name) + Sizes.string(era) + Sizes.string(eraId)
                + Sizes.string(scenario) + Sizes.string(scenarioId) + 24 + (ended == null ? 0 : 24)
                + Sizes.string(terminationReason) + Sizes.string(replayFile)
                + 2 * Sizes.align(16 + 4L * seats.size()) + Sizes.align(16 + 4L * modifications.size())
                + attributes.estimatedBytes();
        for (GamePlayer seat : seats) {
            // the seat record and its faction; the nick is shared with the players list
            bytes += 24 + Sizes.string(seat.nick()) + Sizes.string(seat.faction());
        }
        for (String modification : modifications) {
            bytes += Sizes.string(modification);
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "game " + id + " (" + name + ")";
    }
}
