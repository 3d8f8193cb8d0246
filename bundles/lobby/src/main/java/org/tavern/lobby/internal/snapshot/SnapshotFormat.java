package org.tavern.lobby.internal.snapshot;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The snapshot's outer layout, written by hand rather than by Java serialization so that a lobby of
 * another build can read it and the bytes mean the same thing in every version:
 *
 * <pre>
 *   8 bytes   magic "TAVSNAP" and a newline
 *   int32     format version (big-endian), {@link #VERSION} for what this build writes
 *   int32     number of parts, at least 1
 *   per part: int32 length, then that many bytes
 * </pre>
 *
 * Part 0 is the structure, WML text (the lobby's own codec): counters, users, games, bans, each an
 * element with attributes; an attribute naming a part by its number holds bytes carried as they
 * are (histories, levels, lobby lists), which WML text could not keep byte for byte. A version
 * changes whenever what is written changes; a reader reads its own version and the ones before it,
 * and refuses a newer one, so an upgrade to a build that cannot read the running one's snapshot
 * stops before the old lobby is gone.
 */
public final class SnapshotFormat {

    /**
     * The format this build writes. 1: the first. 2: adds {@code [open_record] game= record=}, the
     * game history's records open for the running games.
     */
    public static final int VERSION = 2;
    /** The oldest format this build reads. */
    public static final int OLDEST_READ = 1;

    private static final byte[] MAGIC = "TAVSNAP\n".getBytes(StandardCharsets.US_ASCII);

    private SnapshotFormat() {
    }

    /** The container's contents: its version and its parts (part 0 is the structure). */
    record Container(int version, List<byte[]> parts) {
    }

    static byte[] write(int version, List<byte[]> parts) {
        int size = MAGIC.length + 8;
        for (byte[] part : parts) {
            size += 4 + part.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        ByteBuffer header = ByteBuffer.allocate(8).putInt(version).putInt(parts.size());
        out.writeBytes(MAGIC);
        out.writeBytes(header.array());
        for (byte[] part : parts) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(part.length).array());
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Reads the container; its version is checked before anything else is looked at. */
    static Container read(byte[] bytes) throws SnapshotException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (bytes.length < MAGIC.length + 8 || !in.slice(0, MAGIC.length).equals(ByteBuffer.wrap(MAGIC))) {
            throw new SnapshotException("not a Tavern lobby snapshot (no TAVSNAP header)");
        }
        in.position(MAGIC.length);
        int version = in.getInt();
        if (version > VERSION) {
            throw new SnapshotException("snapshot format " + version + " is newer than this lobby reads (formats "
                    + OLDEST_READ + " to " + VERSION + ")");
        }
        if (version < OLDEST_READ) {
            throw new SnapshotException("snapshot format " + version + " is unknown (this lobby reads formats "
                    + OLDEST_READ + " to " + VERSION + ")");
        }
        int count = in.getInt();
        if (count < 1 || count > in.remaining() / 4) {
            throw new SnapshotException("snapshot damaged: " + count + " parts announced in " + bytes.length + " bytes");
        }
        List<byte[]> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (in.remaining() < 4) {
                throw new SnapshotException("snapshot truncated at part " + i + " of " + count);
            }
            int length = in.getInt();
            if (length < 0 || length > in.remaining()) {
                throw new SnapshotException("snapshot truncated: part " + i + " announces " + length + " bytes, "
                        + in.remaining() + " left");
            }
            byte[] part = new byte[length];
            in.get(part);
            parts.add(part);
        }
        if (in.hasRemaining()) {
            throw new SnapshotException("snapshot damaged: " + in.remaining() + " bytes after its last part");
        }
        return new Container(version, parts);
    }
}
