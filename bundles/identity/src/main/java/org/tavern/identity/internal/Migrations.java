package org.tavern.identity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.identity.StoreException;

/**
 * A small versioned-migration runner (Flyway's naming: {@code db/migration/V<n>__<what>.sql}). The
 * scripts are applied in version order, each recorded in {@code tavern_schema_version} with its
 * checksum; applied ones are skipped at the next start, and one whose text changed since it was
 * applied stops the start with an error. Several servers starting together on one PostgreSQL
 * database queue on a row lock of {@code tavern_schema_lock}.
 */
final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** Every script, in order. {@code MigrationsTest} checks this list against the resource folder. */
    static final List<String> SCRIPTS = List.of("V1__accounts_bans_games_attributes.sql",
            "V2__game_seats_and_content.sql");
    static final String FOLDER = "/db/migration/";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");
    static final String UNIQUE_VIOLATION = "23505";

    record Script(int version, String description, String text, String checksum) {
    }

    private Migrations() {
    }

    static List<Script> scripts() {
        List<Script> result = new ArrayList<>();
        for (String file : SCRIPTS) {
            Matcher m = NAME.matcher(file);
            if (!m.matches()) {
                throw new IllegalStateException("migration name " + file + " is not V<n>__<description>.sql");
            }
            String text;
            try (InputStream in = Migrations.class.getResourceAsStream(FOLDER + file)) {
                if (in == null) {
                    throw new IllegalStateException("migration " + FOLDER + file + " is missing from the bundle");
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            } catch (IOException e) {
                throw new IllegalStateException("cannot read migration " + file + ": " + e.getMessage(), e);
            }
            result.add(new Script(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), text, sha256(text)));
        }
        return result;
    }

    /** Brings the schema up to the newest version; returns how many scripts were applied. */
    static int migrate(Connection c) throws SQLException {
        List<Script> scripts = scripts();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            createIfMissing(s, "CREATE TABLE IF NOT EXISTS tavern_schema_version (version INT PRIMARY KEY, "
                    + "description VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL, installed_at BIGINT NOT NULL)");
            createIfMissing(s, "CREATE TABLE IF NOT EXISTS tavern_schema_lock (id INT PRIMARY KEY, locked_at BIGINT NOT NULL)");
            try {
                s.executeUpdate("INSERT INTO tavern_schema_lock (id, locked_at) VALUES (1, 0)");
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
        c.setAutoCommit(false);
        int applied = 0;
        try {
            try (PreparedStatement lock = c.prepareStatement("UPDATE tavern_schema_lock SET locked_at = ? WHERE id = 1")) {
                lock.setLong(1, System.currentTimeMillis());
                lock.executeUpdate(); // held until commit: another server migrating waits here
            }
            Map<Integer, String> done = new TreeMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT version, checksum FROM tavern_schema_version")) {
                while (rs.next()) {
                    done.put(rs.getInt(1), rs.getString(2));
                }
            }
            for (Script script : scripts) {
                String checksum = done.get(script.version());
                if (checksum != null) {
                    if (!checksum.equals(script.checksum())) {
                        throw new StoreException("migration V" + script.version() + " (" + script.description()
                                + ") was changed after it was applied to this database (checksum " + checksum
                                + ", now " + script.checksum() + "); restore the script or fix the database by hand");
                    }
                    continue;
                }
                try (Statement s = c.createStatement()) {
                    for (String statement : statements(script.text())) {
                        s.execute(statement);
                    }
                }
                try (PreparedStatement record = c.prepareStatement("INSERT INTO tavern_schema_version "
                        + "(version, description, checksum, installed_at) VALUES (?, ?, ?, ?)")) {
                    record.setInt(1, script.version());
                    record.setString(2, script.description());
                    record.setString(3, script.checksum());
                    record.setLong(4, System.currentTimeMillis());
                    record.executeUpdate();
                }
                applied++;
                LOG.info("Database schema migrated to version {} ({})", script.version(), script.description());
            }
            for (Integer version : done.keySet()) {
                if (version > scripts.get(scripts.size() - 1).version()) {
                    throw new StoreException("the database schema is at version " + version
                            + ", newer than this Tavern knows (" + scripts.get(scripts.size() - 1).version()
                            + "); run a newer Tavern");
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        return applied;
    }

    private static void createIfMissing(Statement s, String sql) throws SQLException {
        try {
            s.execute(sql);
        } catch (SQLException e) {
            // two servers creating it at once on PostgreSQL: the loser sees a duplicate; the table exists
            if (!UNIQUE_VIOLATION.equals(e.getSQLState()) && !"42P07".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /** Splits a script into statements at semicolons ending a line; {@code --} lines are comments. */
    static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                result.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(trimmed).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
