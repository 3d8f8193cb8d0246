package org.tavern.lobby.internal.ban;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.wml.Document;
import org.tavern.wml.Node;
import org.tavern.wml.WmlException;

/**
 * wesnothd's {@code ban_save_file} (gzip WML: {@code [ban]} entries and a {@code [deleted]} block),
 * read to carry a wesnothd's bans over: Tavern keeps its bans in the identity store and never
 * writes this file. Once its bans are in the store it is renamed {@code <name>.imported}, so a
 * restart does not import them again; an unreadable one is set aside as {@code <name>.unreadable-<time>}.
 */
public final class BanFile {

    private static final Logger LOG = LoggerFactory.getLogger(BanFile.class);

    static final String IMPORTED_SUFFIX = ".imported";

    /** The bans a file holds. */
    public record Saved(List<BanList.Ban> active, List<BanList.Ban> deleted) {

        static final Saved NONE = new Saved(List.of(), List.of());

        boolean isEmpty() {
            return active.isEmpty() && deleted.isEmpty();
        }
    }

    private BanFile() {
    }

    /** The file {@code ban_save_file} names, relative to the server's home; null when none is set. */
    public static Path of(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        String home = System.getProperty("tavern.home");
        return home != null ? Path.of(home).resolve(trimmed) : Path.of(trimmed);
    }

    /**
     * The bans in {@code file}; none when it is null or missing. An unreadable file is set aside
     * (renamed, never overwritten) and read as none, saying so once.
     */
    public static Saved read(Path file) {
        if (file == null || !Files.exists(file)) {
            return Saved.NONE;
        }
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException | WmlException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + System.currentTimeMillis());
            LOG.error("Ban file {} cannot be read ({}); it is kept as {} and its bans are not used", file,
                    e.getMessage(), aside);
            try {
                Files.move(file, aside);
            } catch (IOException moveFailed) {
                LOG.error("Could not set {} aside", file, moveFailed);
            }
            return Saved.NONE;
        }
    }

    static Saved parse(byte[] gzip) throws WmlException {
        Document saved = Document.fromGzip(gzip);
        List<BanList.Ban> active = new ArrayList<>();
        List<BanList.Ban> deleted = new ArrayList<>();
        for (Node entry : saved.root().children("ban")) {
            active.add(ban(entry));
        }
        Node gone = saved.root().child("deleted");
        if (gone != null) {
            for (Node entry : gone.children("ban")) {
                deleted.add(ban(entry));
            }
        }
        return new Saved(active, deleted);
    }

    /** Marks the file imported: renamed {@code <name>.imported} (or with a time, if that exists already). */
    static Path markImported(Path file) throws IOException {
        Path target = file.resolveSibling(file.getFileName() + IMPORTED_SUFFIX);
        if (Files.exists(target)) {
            target = file.resolveSibling(file.getFileName() + IMPORTED_SUFFIX + "-" + System.currentTimeMillis());
        }
        return Files.move(file, target);
    }

    /** wesnothd writes times in seconds. */
    private static BanList.Ban ban(Node entry) {
        return new BanList.Ban(entry.text("ip"), entry.text("nick"), entry.text("reason"),
                seconds(entry, "start_time") * 1000, seconds(entry, "end_time") * 1000, entry.text("who_banned"),
                entry.text("group"));
    }

    private static long seconds(Node entry, String key) {
        try {
            return Long.parseLong(entry.text(key).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
