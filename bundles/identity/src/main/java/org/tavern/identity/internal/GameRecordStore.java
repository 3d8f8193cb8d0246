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
import org.tavern.identity.GameQuery;
import org.tavern.identity.GameRecord;
import org.tavern.identity.GameRecords;
import org.tavern.identity.IdentityMap;

/**
 * {@link GameRecords} over {@code game_record} and {@code game_player}; one live
 * {@link GameRecordEntity} per game, pinned from its start to its end.
 */
@Component(service = GameRecords.class)
public final class GameRecordStore implements GameRecords {

    private static final String COLUMNS =
            "g.id, g.instance, g.name, g.era, g.scenario, g.started_at, g.ended_at, g.termination, g.replay_file";

    private final Database database;
    private final IdentityCache<Long, GameRecordEntity> cache;

    @Activate
    public GameRecordStore(@Reference Database database) {
        this.database = database;
        this.cache = new IdentityCache<>("games", this::load, GameRecordEntity::estimatedBytes,
                database.settings().cacheRecentMax());
    }

    @Override
    public GameRecord recordStart(String name, String era, String scenario, List<String> players, Instant started) {
        checkText("game name", name, false);
        String eraText = checkText("era", era, true);
        String scenarioText = checkText("scenario", scenario, true);
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(players, "players");
        if (players.size() > MAX_PLAYERS) {
            throw new IllegalArgumentException("a game record has at most " + MAX_PLAYERS + " players, not " + players.size());
        }
        for (String player : players) {
            checkText("player nick", player, false);
        }
        String instance = database.settings().instance();
        Instant start = Instant.ofEpochMilli(started.toEpochMilli());
        long id = database.write("recording the start of game " + name, c -> {
            long gameId;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO game_record (instance, name, era, scenario, "
                    + "started_at) VALUES (?, ?, ?, ?, ?)", new String[] {"id"})) {
                insert.setString(1, instance);
                insert.setString(2, name);
                insert.setString(3, eraText);
                insert.setString(4, scenarioText);
                insert.setLong(5, start.toEpochMilli());
                insert.executeUpdate();
                gameId = AccountStore.generatedId(insert);
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO game_player (game_id, seat, nick, nick_key) VALUES (?, ?, ?, ?)")) {
                for (int seat = 0; seat < players.size(); seat++) {
                    insert.setLong(1, gameId);
                    insert.setInt(2, seat);
                    insert.setString(3, players.get(seat));
                    insert.setString(4, players.get(seat).toLowerCase(Locale.ROOT));
                    insert.addBatch();
                }
                if (!players.isEmpty()) {
                    insert.executeBatch();
                }
            }
            return gameId;
        });
        GameRecordEntity game = cache.install(id, new GameRecordEntity(database, id, instance, name, eraText,
                scenarioText, players, start, null, null, null));
        cache.pin(id);
        return game;
    }

    @Override
    public Optional<GameRecord> recordEnd(long id, Instant ended, String terminationReason, String replayFile) {
        Objects.requireNonNull(ended, "ended");
        String reason = checkText("termination reason", terminationReason, true);
        if (replayFile != null && replayFile.length() > 1024) {
            throw new IllegalArgumentException("a replay file name is at most 1024 characters");
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
    public Optional<GameRecord> find(long id) {
        return cache.get(id).map(GameRecord.class::cast);
    }

    @Override
    public List<GameRecord> query(GameQuery query) {
        Objects.requireNonNull(query, "query");
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM game_record g WHERE 1 = 1");
        List<String> parameters = new ArrayList<>();
        if (!query.player().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM game_player p WHERE p.game_id = g.id AND p.nick_key LIKE ? ESCAPE '\\')");
            parameters.add(like(query.player()));
        }
        if (!query.gameName().isEmpty()) {
            sql.append(" AND LOWER(g.name) LIKE ? ESCAPE '\\'");
            parameters.add(like(query.gameName()));
        }
        if (!query.content().isEmpty()) {
            String content = like(query.content());
            switch (query.contentType()) {
                case ERA -> sql.append(" AND LOWER(g.era) LIKE ? ESCAPE '\\'");
                case SCENARIO -> sql.append(" AND LOWER(g.scenario) LIKE ? ESCAPE '\\'");
                case ANY -> {
                    sql.append(" AND (LOWER(g.era) LIKE ? ESCAPE '\\' OR LOWER(g.scenario) LIKE ? ESCAPE '\\')");
                    parameters.add(content);
                }
            }
            parameters.add(content);
        }
        sql.append(" ORDER BY g.started_at DESC, g.id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        List<GameRecordEntity> rows = database.read("searching game records", c -> {
            List<GameRecordEntity> read;
            try (PreparedStatement select = c.prepareStatement(sql.toString())) {
                int i = 1;
                for (String parameter : parameters) {
                    select.setString(i++, parameter);
                }
                select.setInt(i++, query.offset());
                select.setInt(i, query.limit());
                read = entities(c, select);
            }
            return read;
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

    /** Runs {@code select} (of {@link #COLUMNS}) and reads the players of every game it returns. */
    private List<GameRecordEntity> entities(Connection c, PreparedStatement select) throws SQLException {
        record Row(long id, String instance, String name, String era, String scenario, long started, Long ended,
                String termination, String replay) {
        }
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                long ended = rs.getLong(7);
                Long endedAt = rs.wasNull() ? null : ended;
                rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6), endedAt, rs.getString(8), rs.getString(9)));
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> players = new HashMap<>();
        StringBuilder in = new StringBuilder("SELECT game_id, nick FROM game_player WHERE game_id IN (");
        for (int i = 0; i < rows.size(); i++) {
            in.append(i == 0 ? "?" : ", ?");
            players.put(rows.get(i).id(), new ArrayList<>());
        }
        in.append(") ORDER BY game_id, seat");
        try (PreparedStatement select2 = c.prepareStatement(in.toString())) {
            for (int i = 0; i < rows.size(); i++) {
                select2.setLong(i + 1, rows.get(i).id());
            }
            try (ResultSet rs = select2.executeQuery()) {
                while (rs.next()) {
                    players.get(rs.getLong(1)).add(rs.getString(2));
                }
            }
        }
        List<GameRecordEntity> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            result.add(new GameRecordEntity(database, row.id(), row.instance(), row.name(), row.era(), row.scenario(),
                    players.get(row.id()), Instant.ofEpochMilli(row.started()),
                    row.ended() == null ? null : Instant.ofEpochMilli(row.ended()), row.termination(), row.replay()));
        }
        return result;
    }

    private static String like(String pattern) {
        return Wildcards.toLike(pattern.toLowerCase(Locale.ROOT));
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
