package org.tavern.loadgen;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tavern.wml.Document;
import org.tavern.wml.WmlException;

/**
 * Parsed documents by their exact payload bytes. A server sends one broadcast (a chat line, a
 * lobby diff, a relayed turn) as the same bytes to every recipient, so the load generator inflates
 * and parses it once, not once per recipient, and stays cheaper than the server it measures. One
 * per event loop thread; not thread-safe.
 */
final class DocumentCache {

    private record Key(byte[] bytes, int hash) {
        static Key of(byte[] bytes) {
            return new Key(bytes, Arrays.hashCode(bytes));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Arrays.equals(k.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final Map<Key, Document> entries;
    private long hits;
    private long misses;

    DocumentCache(int capacity) {
        this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Document> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The parsed document; never modify it, other recipients share it. */
    Document parse(byte[] gzip) throws WmlException {
        Key key = Key.of(gzip);
        Document cached = entries.get(key);
        if (cached != null) {
            hits++;
            return cached;
        }
        misses++;
        Document parsed = Document.fromGzip(gzip);
        parsed.root(); // expand now, so that later readers only read
        entries.put(key, parsed);
        return parsed;
    }

    long hits() {
        return hits;
    }

    long misses() {
        return misses;
    }
}
