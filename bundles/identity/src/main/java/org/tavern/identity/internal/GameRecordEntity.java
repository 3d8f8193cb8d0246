package org.tavern.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tavern.identity.Attributes;
import org.tavern.identity.GameRecord;

/** The live object of one game record; its end is set by {@link GameRecordStore} after the commit. */
final class GameRecordEntity implements GameRecord {

    static final String TYPE = "game";

    private final long id;
    private final String instance;
    private final String name;
    private final String era;
    private final String scenario;
    private final List<String> players;
    private final Instant started;
    private final EntityAttributes attributes;
    private volatile Instant ended;
    private volatile String terminationReason;
    private volatile String replayFile;

    GameRecordEntity(Database database, long id, String instance, String name, String era, String scenario,
            List<String> players, Instant started, Instant ended, String terminationReason, String replayFile) {
        this.id = id;
        this.instance = instance;
        this.name = name;
        this.era = era;
        this.scenario = scenario;
        this.players = List.copyOf(players);
        this.started = started;
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
    public String name() {
        return name;
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
        long bytes = 56 + Sizes.string(instance) + Sizes.string(name) + Sizes.string(era) + Sizes.string(scenario)
                + 24 + (ended == null ? 0 : 24) + Sizes.string(terminationReason) + Sizes.string(replayFile)
                + Sizes.align(16 + 4L * players.size()) + attributes.estimatedBytes();
        for (String player : players) {
            bytes += Sizes.string(player);
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "game " + id + " (" + name + ")";
    }
}
