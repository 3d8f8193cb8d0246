package org.tavern.identity;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Typed, persisted key/value pairs of one {@link Entity} (Evennia's {@code db} attributes). Every
 * put and remove is committed before it returns. A key holds one type at a time: reading it as
 * another type is an {@link IllegalStateException}; putting another type replaces it.
 *
 * <p>Keys are 1 to {@value #MAX_KEY_LENGTH} characters; plugins should prefix theirs
 * ({@code "myplugin.rank"}). Strings and byte arrays are at most {@value #MAX_VALUE_BYTES} bytes.
 */
@ProviderType
public interface Attributes {

    int MAX_KEY_LENGTH = 200;
    int MAX_VALUE_BYTES = 65536;

    Optional<String> getString(String key);

    OptionalLong getLong(String key);

    Optional<Boolean> getBoolean(String key);

    /** A copy of the stored bytes. */
    Optional<byte[]> getBytes(String key);

    void putString(String key, String value);

    void putLong(String key, long value);

    void putBoolean(String key, boolean value);

    /** Stores a copy of {@code value}. */
    void putBytes(String key, byte[] value);

    /** Removes the key; false when it was not there. */
    boolean remove(String key);

    /** The keys present, sorted. */
    Set<String> keys();
}
