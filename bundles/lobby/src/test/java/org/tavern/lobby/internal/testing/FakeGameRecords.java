package org.tavern.lobby.internal.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tavern.identity.Attributes;
import org.tavern.identity.GamePlayer;
import org.tavern.identity.GameQuery;
import org.tavern.identity.GameRecord;
import org.tavern.identity.GameRecords;
import org.tavern.identity.GameStart;
import org.tavern.identity.IdentityMap;

/** A game history in memory: what the lobby asks of the real one (queries by exact player only). */
public final class FakeGameRecords implements GameRecords {

    public static final class Record implements GameRecord {
        final long id;
        public final String instance;
        final GameStart start;
        public Instant ended;
        String termination;
        String replayFile;

        Record(long id, String instance, GameStart start) {
            this.id = id;
            this.instance = instance;
            this.start = start;
        }

        @Override public long id() { return id; }
        @Override public String instance() { return instance; }
        @Override public int lobbyId() { return start.lobbyId(); }
        @Override public String name() { return start.name(); }
        @Override public String era() { return start.eraName(); }
        @Override public String eraId() { return start.eraId(); }
        @Override public String scenario() { return start.scenarioName(); }
        @Override public String scenarioId() { return start.scenarioId(); }
        @Override public List<String> players() { return start.players().stream().map(GamePlayer::nick).toList(); }
        @Override public List<GamePlayer> seats() { return start.players(); }
        @Override public List<String> modifications() { return start.modifications(); }
        @Override public Instant started() { return start.started(); }
        @Override public Optional<Instant> ended() { return Optional.ofNullable(ended); }
        @Override public Optional<String> terminationReason() { return Optional.ofNullable(termination); }
        @Override public Optional<String> replayFile() { return Optional.ofNullable(replayFile); }
        @Override public Attributes attributes() { throw new UnsupportedOperationException(); }
    }

    public final List<Record> records = new ArrayList<>();
    public final List<GameQuery> queries = new ArrayList<>();
    /** When set, every call fails as a broken database would. */
    public volatile boolean broken;
    public String instance = "";

    private void check() {
        if (broken) {
            throw new IllegalStateException("database is down");
        }
    }

    /** A record an earlier run left open. */
    public synchronized Record leftOpen(GameStart start) {
        Record record = new Record(records.size() + 1, instance, start);
        records.add(record);
        return record;
    }

    @Override
    public synchronized GameRecord recordStart(GameStart start) {
        check();
        return leftOpen(start);
    }

    @Override
    public synchronized Optional<GameRecord> recordEnd(long id, Instant ended, String terminationReason,
            String replayFile) {
        check();
        for (Record record : records) {
            if (record.id == id) {
                if (record.ended != null) {
                    throw new IllegalStateException("game " + id + " has already ended");
                }
                record.ended = ended;
                record.termination = terminationReason;
                record.replayFile = replayFile;
                return Optional.of(record);
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized int endAbandoned(Instant startedBefore, Instant ended, String reason) {
        check();
        int count = 0;
        for (Record record : records) {
            if (record.instance.equals(instance) && record.ended == null && record.started().isBefore(startedBefore)) {
                record.ended = ended;
                record.termination = reason;
                count++;
            }
        }
        return count;
    }

    @Override
    public synchronized Optional<GameRecord> find(long id) {
        check();
        return records.stream().filter(r -> r.id == id).map(GameRecord.class::cast).findFirst();
    }

    @Override
    public synchronized List<GameRecord> query(GameQuery query) {
        check();
        queries.add(query);
        List<GameRecord> found = new ArrayList<>();
        for (int i = records.size() - 1; i >= 0; i--) {
            Record record = records.get(i);
            boolean played = record.players().stream()
                    .anyMatch(nick -> nick.toLowerCase(Locale.ROOT).equals(query.player().toLowerCase(Locale.ROOT)));
            if ((query.player().isEmpty() || played) && (!query.endedOnly() || record.ended != null)) {
                found.add(record);
            }
        }
        return found.stream().skip(query.offset()).limit(query.limit()).toList();
    }

    @Override
    public IdentityMap<Long, GameRecord> identityMap() {
        throw new UnsupportedOperationException();
    }
}
