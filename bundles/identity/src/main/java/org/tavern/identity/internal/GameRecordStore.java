package org.tavern.identity.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.identity.GamePlayer;
import org.tavern.identity.GameQuery;
import org.tavern.identity.GameRecord;
import org.tavern.identity.GameRecords;
import org.tavern.identity.GameStart;
import org.tavern.identity.IdentityMap;

/**
 * {@link GameRecords} over {@code game_record}, {@code game_player} and {@code game_modification};
 * one live {@link GameRecordEntity} per game, pinned from its start to its end.
 */
@Component(service = GameRecords.class)
public final class GameRecordStore implements GameRecords {

    private static final Logger LOG = LoggerFactory.getLogger(GameRecordStore.class);
    private static final String COLUMNS = "g.id, g.instance, g.name, g.era, g.scenario, g.started_at, g.ended_at, "
            + "g.termination, g.replay_file, g.lobby_id, g.era_id, g.scenario_id";
    /** How long a replay file name may be (a path below the server's home). */
    static final int MAX_REPLAY_FILE_LENGTH = 1024;

    private final Database database;
    private final IdentityCache<Long, GameRecordEntity> cache;

    @Activate
    public GameRecordStore(@Reference Database database) {
        this.database = database;
        this.cache = new IdentityCache<>("games", this::load, GameRecordEntity::estimatedBytes,
                database.settings().cacheRecentMax());
    }

    @Override
    public GameRecord recordStart(GameStart start) {
        Objects.requireNonNull(start, "start");
        checkText("game name", start.name(), false);
        checkText("era", start.eraName(), true);
        checkText("era id", start.eraId(), true);
        checkText("scenario", start.scenarioName(), true);
        checkText("scenario id", start.scenarioId(), true);
        if (start.players().size() > MAX_PLAYERS) {
            throw new IllegalArgumentException("a game record has at most " + MAX_PLAYERS + " players, not "
                    + start.players().size());
        }
        if (start.modifications().size() > MAX_PLAYERS) {
            throw new IllegalArgumentException("a game record has at most " + MAX_PLAYERS + " modifications, not "
                    + start.modifications().size());
        }
        for (GamePlayer player : start.players()) {
            checkText("player nick", player.nick(), false);
            checkText("faction", player.faction(), true);
        }
        for (String modification : start.modifications()) {
            checkText("modification", modification, false);
        }
        String instance = database.settings().instance();
        Instant started = Instant.ofEpochMilli(start.started().toEpochMilli());
        long id = database.write("recording the start of game " + start.name(), c -> insert(c, instance, start, started));
        GameRecordEntity.Content content = new GameRecordEntity.Content(start.lobbyId(), start.name(), start.eraName(),
                start.eraId(), start.scenarioName(), start.scenarioId(), start.players(), start.modifications(), started);
        GameRecordEntity game = cache.install(id, new GameRecordEntity(database, id, instance, content, null, null, null));
        cache.pin(id);
        return game;
    }

    private static long insert(Connection c, String instance, GameStart start, Instant started) throws SQLException {
        long gameId;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO game_record (instance, name, era, scenario, "
                + "started_at, lobby_id, era_id, scenario_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            insert.setString(1, instance);
            insert.setString(2, start.name());
            insert.setString(3, start.eraName());
            insert.setString(4, start.scenarioName());
            insert.setLong(5, started.toEpochMilli());
            insert.setInt(6, start.lobbyId());
            insert.setString(7, start.eraId());
            insert.setString(8, start.scenarioId());
            insert.executeUpdate();
            gameId = AccountStore.generatedId(insert);
        }
        if (!start.players().isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO game_player (game_id, seat, nick, nick_key, side, faction) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int seat = 0; seat < start.players().size(); seat++) {
                    GamePlayer player = start.players().get(seat);
                    insert.setLong(1, gameId);
                    insert.setInt(2, seat);
                    insert.setString(3, player.nick());
                    insert.setString(4, player.nick().toLowerCase(Locale.ROOT));
                    insert.setInt(5, player.side());
                    insert.setString(6, player.faction());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        if (!start.modifications().isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO game_modification (game_id, ordinal, name) VALUES (?, ?, ?)")) {
                for (int i = 0; i < start.modifications().size(); i++) {
                    insert.setLong(1, gameId);
                    insert.setInt(2, i);
                    insert.setString(3, start.modifications().get(i));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        return gameId;
    }

    @Override
    public Optional<GameRecord> recordEnd(long id, Instant ended, String terminationReason, String replayFile) {
        Objects.requireNonNull(ended, "ended");
        String reason = checkText("termination reason", terminationReason, true);
        if (replayFile != null && replayFile.length() > MAX_REPLAY_FILE_LENGTH) {
            throw new IllegalArgumentException("a replay file name is at most " + MAX_REPLAY_FILE_LENGTH + " characters");
        }
        Optional<GameRecordEntity> found = cache.get(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        GameRecordEntity game = found.get();
        Instant end = Instant.ofEpochMilli(ended.toEpochMilli());
        synchronized (game) {
            if (game.ended().isPresent()) {
                throw new IllegalStateException(game + " has already ended");
            }
            int updated = database.write("recording the end of game " + id, c -> {
                try (PreparedStatement update = c.prepareStatement("UPDATE game_record SET ended_at = ?, termination = ?, "
                        + "replay_file = ? WHERE id = ? AND ended_at IS NULL")) {
                    update.setLong(1, end.toEpochMilli());
                    update.setString(2, reason);
                    update.setString(3, replayFile);
                    update.setLong(4, id);
                    return update.executeUpdate();
                }
            });
            if (updated == 0) {
                throw new IllegalStateException(game + " has already ended (recorded elsewhere)");
            }
            game.end(end, reason, replayFile);
        }
        if (cache.isPinned(id)) {
            cache.unpin(id);
        }
        return Optional.of(game);
    }

    @Override
    public int endAbandoned(Instant startedBefore, Instant ended, String reason) {
        Objects.requireNonNull(startedBefore, "startedBefore");
        Objects.requireNonNull(ended, "ended");
        String termination = checkText("termination reason", reason, false);
        String instance = database.settings().instance();
        Instant end = Instant.ofEpochMilli(ended.toEpochMilli());
        List<Long> closed = database.write("ending the games left open", c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT id FROM game_record WHERE instance = ? "
                    + "AND ended_at IS NULL AND started_at < ? ORDER BY id FOR UPDATE")) {
                select.setString(1, instance);
                select.setLong(2, startedBefore.toEpochMilli());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE game_record SET ended_at = ?, termination = ? WHERE id = ? AND ended_at IS NULL")) {
                for (long id : ids) {
                    update.setLong(1, end.toEpochMilli());
                    update.setString(2, termination);
                    update.setLong(3, id);
                    update.addBatch();
                }
                if (!ids.isEmpty()) {
                    update.executeBatch();
                }
            }
            return ids;
        });
        // A live object of such a game (someone looked at it) must say the same as the database.
        for (long id : closed) {
            cache.peek(id).ifPresent(game -> {
                synchronized (game) {
                    if (game.ended().isEmpty()) {
                        game.end(end, termination, game.replayFile().orElse(null));
                    }
                }
                if (cache.isPinned(id)) {
                    cache.unpin(id);
                }
            });
        }
        if (!closed.isEmpty()) {
            LOG.info("{} game records left open by an earlier run of instance '{}' ended: {}", closed.size(), instance,
                    termination);
        }
        return closed.size();
    }

    @Override
    public Optional<GameRecord> find(long id) {
        return cache.get(id).map(GameRecord.class::cast);
    }

    @Override
    public List<GameRecord> query(GameQuery query) {
        Objects.requireNonNull(query, "query");
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM game_record g WHERE 1 = 1");
        List<String> parameters = new ArrayList<>();
        if (query.endedOnly()) {
            sql.append(" AND g.ended_at IS NOT NULL");
        }
        if (!query.player().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM game_player p WHERE p.game_id = g.id AND ")
                    .append(matching("p.nick_key", query.player(), parameters)).append(')');
        }
        if (!query.gameName().isEmpty()) {
            sql.append(" AND ").append(matching("LOWER(g.name)", query.gameName(), parameters));
        }
        if (!query.content().isEmpty()) {
            String content = query.content();
            boolean era = query.contentType() != GameQuery.ContentType.SCENARIO;
            boolean scenario = query.contentType() != GameQuery.ContentType.ERA;
            List<String> either = new ArrayList<>();
            if (era) {
                either.add(matching("LOWER(g.era)", content, parameters));
                either.add(matching("LOWER(g.era_id)", content, parameters));
            }
            if (scenario) {
                either.add(matching("LOWER(g.scenario)", content, parameters));
                either.add(matching("LOWER(g.scenario_id)", content, parameters));
            }
            sql.append(" AND (").append(String.join(" OR ", either)).append(')');
        }
        sql.append(" ORDER BY g.started_at DESC, g.id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        List<GameRecordEntity> rows = database.read("searching game records", c -> {
            try (PreparedStatement select = c.prepareStatement(sql.toString())) {
                int i = 1;
                for (String parameter : parameters) {
                    select.setString(i++, parameter);
                }
                select.setInt(i++, query.offset());
                select.setInt(i, query.limit());
                return entities(c, select);
            }
        });
        List<GameRecord> result = new ArrayList<>(rows.size());
        for (GameRecordEntity row : rows) {
            result.add(cache.install(row.id(), row));
        }
        return result;
    }

    @Override
    public IdentityMap<Long, GameRecord> identityMap() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        IdentityMap<Long, GameRecord> view = (IdentityMap) cache;
        return view;
    }

    private GameRecordEntity load(Long id) {
        return database.read("loading game record " + id, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM game_record g WHERE g.id = ?")) {
                select.setLong(1, id);
                List<GameRecordEntity> found = entities(c, select);
                return found.isEmpty() ? null : found.get(0);
            }
        });
    }

    /** Runs {@code select} (of {@link #COLUMNS}) and reads the seats and modifications of every game it returns. */
    private List<GameRecordEntity> entities(Connection c, PreparedStatement select) throws SQLException {
        record Row(long id, String instance, String name, String era, String scenario, long started, Long ended,
                String termination, String replay, int lobbyId, String eraId, String scenarioId) {
        }
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                long ended = rs.getLong(7);
                Long endedAt = rs.wasNull() ? null : ended;
                rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6), endedAt, rs.getString(8), rs.getString(9), rs.getInt(10), rs.getString(11),
                        rs.getString(12)));
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<GamePlayer>> seats = new HashMap<>();
        Map<Long, List<String>> modifications = new HashMap<>();
        for (Row row : rows) {
            seats.put(row.id(), new ArrayList<>());
            modifications.put(row.id(), new ArrayList<>());
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        try (PreparedStatement select2 = c.prepareStatement("SELECT game_id, nick, side, faction FROM game_player "
                + "WHERE game_id IN (" + placeholders(ids.size()) + ") ORDER BY game_id, seat")) {
            bind(select2, ids);
            try (ResultSet rs = select2.executeQuery()) {
                while (rs.next()) {
                    seats.get(rs.getLong(1)).add(new GamePlayer(rs.getString(2), rs.getInt(3), rs.getString(4)));
                }
            }
        }
        try (PreparedStatement select3 = c.prepareStatement("SELECT game_id, name FROM game_modification "
                + "WHERE game_id IN (" + placeholders(ids.size()) + ") ORDER BY game_id, ordinal")) {
            bind(select3, ids);
            try (ResultSet rs = select3.executeQuery()) {
                while (rs.next()) {
                    modifications.get(rs.getLong(1)).add(rs.getString(2));
                }
            }
        }
        List<GameRecordEntity> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            GameRecordEntity.Content content = new GameRecordEntity.Content(row.lobbyId(), row.name(), row.era(),
                    row.eraId(), row.scenario(), row.scenarioId(), seats.get(row.id()), modifications.get(row.id()),
                    Instant.ofEpochMilli(row.started()));
            result.add(new GameRecordEntity(database, row.id(), row.instance(), content,
                    row.ended() == null ? null : Instant.ofEpochMilli(row.ended()), row.termination(), row.replay()));
        }
        return result;
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static void bind(PreparedStatement statement, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            statement.setLong(i + 1, ids.get(i));
        }
    }

    /** The condition that {@code column} matches {@code pattern} lower-cased; adds its parameter. */
    private String matching(String column, String pattern, List<String> parameters) {
        SqlWildcards.Condition condition = SqlWildcards.matching(database.dialect(), column,
                pattern.toLowerCase(Locale.ROOT));
        parameters.add(condition.parameter());
        return condition.sql();
    }

    private static String checkText(String what, String text, boolean emptyAllowed) {
        if (text == null || text.isEmpty()) {
            if (emptyAllowed) {
                return "";
            }
            throw new IllegalArgumentException("a " + what + " must not be empty");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("a " + what + " is at most " + MAX_TEXT_LENGTH + " characters: '"
                    + Sizes.abbreviate(text) + "'");
        }
        return text;
    }
}
