package org.tavern.identity.internal;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.tavern.identity.Attributes;

/**
 * The attributes of one entity, rows of {@code entity_attribute}: read all at once on first use,
 * then kept with the entity; each change is written (and committed) before the in-memory copy
 * changes. Calls on one entity's attributes are serialised.
 */
final class EntityAttributes implements Attributes {

    enum Kind {
        STRING('S'), LONG('L'), BOOLEAN('B'), BYTES('X');

        final char code;

        Kind(char code) {
            this.code = code;
        }

        static Kind of(String code) {
            for (Kind kind : values()) {
                if (code != null && code.length() == 1 && kind.code == code.charAt(0)) {
                    return kind;
                }
            }
            throw new IllegalStateException("unknown attribute kind " + code);
        }
    }

    private record Value(Kind kind, String text, long number, byte[] bytes) {
        long estimatedBytes() {
            return 40 + (text == null ? 0 : Sizes.string(text)) + (bytes == null ? 0 : 16 + bytes.length);
        }
    }

    private final Database database;
    private final String entityType;
    private final long entityId;
    /** The owner's key in its identity map: other servers are told that this entity changed. */
    private final String changeKey;
    private Map<String, Value> values; // null until first use

    EntityAttributes(Database database, String entityType, long entityId, String changeKey) {
        this.database = database;
        this.entityType = entityType;
        this.entityId = entityId;
        this.changeKey = changeKey;
    }

    /** Drops the copy in memory: another server changed the stored attributes; read them again on next use. */
    synchronized void forget() {
        values = null;
    }

    @Override
    public synchronized Optional<String> getString(String key) {
        Value value = value(key, Kind.STRING);
        return value == null ? Optional.empty() : Optional.of(value.text());
    }

    @Override
    public synchronized OptionalLong getLong(String key) {
        Value value = value(key, Kind.LONG);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value.number());
    }

    @Override
    public synchronized Optional<Boolean> getBoolean(String key) {
        Value value = value(key, Kind.BOOLEAN);
        return value == null ? Optional.empty() : Optional.of(value.number() != 0);
    }

    @Override
    public synchronized Optional<byte[]> getBytes(String key) {
        Value value = value(key, Kind.BYTES);
        return value == null ? Optional.empty() : Optional.of(value.bytes().clone());
    }

    @Override
    public void putString(String key, String value) {
        Objects.requireNonNull(value, "value");
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
            throw new IllegalArgumentException("attribute " + key + ": a string of at most " + MAX_VALUE_BYTES
                    + " UTF-8 bytes, not " + value.getBytes(StandardCharsets.UTF_8).length);
        }
        put(key, new Value(Kind.STRING, value, 0, null));
    }

    @Override
    public void putLong(String key, long value) {
        put(key, new Value(Kind.LONG, null, value, null));
    }

    @Override
    public void putBoolean(String key, boolean value) {
        put(key, new Value(Kind.BOOLEAN, null, value ? 1 : 0, null));
    }

    @Override
    public void putBytes(String key, byte[] value) {
        Objects.requireNonNull(value, "value");
        if (value.length > MAX_VALUE_BYTES) {
            throw new IllegalArgumentException("attribute " + key + ": at most " + MAX_VALUE_BYTES + " bytes, not "
                    + value.length);
        }
        put(key, new Value(Kind.BYTES, null, 0, value.clone()));
    }

    @Override
    public synchronized boolean remove(String key) {
        checkKey(key);
        loaded();
        if (!values.containsKey(key)) {
            return false;
        }
        database.write("removing attribute " + key + " of " + entityType + " " + entityId, c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM entity_attribute WHERE entity_type = ? AND entity_id = ? AND name = ?")) {
                delete.setString(1, entityType);
                delete.setLong(2, entityId);
                delete.setString(3, key);
                int deleted = delete.executeUpdate();
                database.announce(c, entityType, changeKey);
                return deleted;
            }
        });
        values.remove(key);
        return true;
    }

    @Override
    public synchronized Set<String> keys() {
        return Collections.unmodifiableSet(new TreeSet<>(loaded().keySet()));
    }

    /** Heap held by the loaded attributes (0 before first use). */
    synchronized long estimatedBytes() {
        if (values == null) {
            return 0;
        }
        long total = 64;
        for (Map.Entry<String, Value> e : values.entrySet()) {
            total += 32 + Sizes.string(e.getKey()) + e.getValue().estimatedBytes();
        }
        return total;
    }

    private synchronized void put(String key, Value value) {
        checkKey(key);
        loaded();
        database.write("storing attribute " + key + " of " + entityType + " " + entityId, c -> {
            int updated;
            try (PreparedStatement update = c.prepareStatement("UPDATE entity_attribute SET kind = ?, text_value = ?, "
                    + "long_value = ?, bytes_value = ? WHERE entity_type = ? AND entity_id = ? AND name = ?")) {
                bind(update, value);
                update.setString(5, entityType);
                update.setLong(6, entityId);
                update.setString(7, key);
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO entity_attribute (kind, text_value, "
                        + "long_value, bytes_value, entity_type, entity_id, name) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    bind(insert, value);
                    insert.setString(5, entityType);
                    insert.setLong(6, entityId);
                    insert.setString(7, key);
                    insert.executeUpdate();
                }
            }
            database.announce(c, entityType, changeKey);
            return null;
        });
        values.put(key, value);
    }

    private static void bind(PreparedStatement statement, Value value) throws SQLException {
        statement.setString(1, String.valueOf(value.kind().code));
        statement.setString(2, value.text());
        if (value.kind() == Kind.LONG || value.kind() == Kind.BOOLEAN) {
            statement.setLong(3, value.number());
        } else {
            statement.setNull(3, java.sql.Types.BIGINT);
        }
        statement.setBytes(4, value.bytes());
    }

    private Value value(String key, Kind wanted) {
        checkKey(key);
        Value value = loaded().get(key);
        if (value != null && value.kind() != wanted) {
            throw new IllegalStateException("attribute " + key + " of " + entityType + " " + entityId + " is a "
                    + value.kind().name().toLowerCase() + ", not a " + wanted.name().toLowerCase());
        }
        return value;
    }

    private Map<String, Value> loaded() {
        if (values == null) {
            values = database.read("reading attributes of " + entityType + " " + entityId, c -> {
                Map<String, Value> read = new HashMap<>();
                try (PreparedStatement select = c.prepareStatement("SELECT name, kind, text_value, long_value, "
                        + "bytes_value FROM entity_attribute WHERE entity_type = ? AND entity_id = ?")) {
                    select.setString(1, entityType);
                    select.setLong(2, entityId);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            read.put(rs.getString(1), new Value(Kind.of(rs.getString(2)), rs.getString(3),
                                    rs.getLong(4), rs.getBytes(5)));
                        }
                    }
                }
                return read;
            });
        }
        return values;
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("an attribute key is 1 to " + MAX_KEY_LENGTH + " characters: "
                    + (key == null ? "null" : "'" + Sizes.abbreviate(key) + "'"));
        }
    }
}
