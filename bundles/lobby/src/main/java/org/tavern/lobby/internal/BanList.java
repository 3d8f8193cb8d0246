package org.tavern.lobby.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.wml.Document;
import org.tavern.wml.Node;
import org.tavern.wml.WmlException;

/**
 * The server's bans (by address or address mask, with the nick they were issued for), and the
 * bans lifted or expired. Kept in wesnothd's {@code ban_save_file} form (gzip WML: {@code [ban]}
 * entries and a {@code [deleted]} block) and written before any change is reported, through a
 * temporary file that is forced to disk and moved over the old one, so a ban survives a crash at any
 * moment. Owned by the lobby actor.
 */
final class BanList {

    private static final Logger LOG = LoggerFactory.getLogger(BanList.class);

    /** One ban; {@code endMillis} 0 is permanent. */
    record Ban(String ipMask, String nick, String reason, long startMillis, long endMillis, String issuer,
            String group) {

        boolean permanent() {
            return endMillis == BanDuration.PERMANENT;
        }

        boolean matches(String ip) {
            return ipMask.equals(ip) || (ipMask.indexOf('*') >= 0 && Wildcards.matches(ipMask, ip));
        }
    }

    private final Path file;
    private final List<Ban> bans = new ArrayList<>();
    private final List<Ban> deleted = new ArrayList<>();

    /** {@code file} may be null: bans then last as long as the process. */
    BanList(Path file) {
        this.file = file;
    }

    /** Reads the saved bans; a missing file is an empty list, an unreadable one is an error. */
    void load() throws IOException {
        if (file == null || !Files.exists(file)) {
            return;
        }
        Document saved;
        try {
            saved = Document.fromGzip(Files.readAllBytes(file));
        } catch (WmlException e) {
            throw new IOException("ban file " + file + " is not gzip WML: " + e.getMessage(), e);
        }
        for (Node entry : saved.root().children("ban")) {
            bans.add(read(entry));
        }
        Node gone = saved.root().child("deleted");
        if (gone != null) {
            for (Node entry : gone.children("ban")) {
                deleted.add(read(entry));
            }
        }
        LOG.info("{} bans read from {}", bans.size(), file);
    }

    /** The active ban on {@code ip}, or null; bans past their end move to the deleted list first. */
    Ban find(String ip, long nowMillis) throws IOException {
        expire(nowMillis);
        for (Ban ban : bans) {
            if (ban.matches(ip)) {
                return ban;
            }
        }
        return null;
    }

    /** Adds a ban (durable on return); returns the ban it replaced on the same mask, or null. */
    Ban add(Ban ban) throws IOException {
        Ban replaced = null;
        for (Iterator<Ban> it = bans.iterator(); it.hasNext();) {
            Ban old = it.next();
            if (old.ipMask().equals(ban.ipMask())) {
                replaced = old;
                it.remove();
            }
        }
        bans.add(ban);
        save();
        return replaced;
    }

    /** Lifts the ban on exactly this mask (durable on return); null when there was none. */
    Ban remove(String ipMask) throws IOException {
        for (Iterator<Ban> it = bans.iterator(); it.hasNext();) {
            Ban ban = it.next();
            if (ban.ipMask().equals(ipMask)) {
                it.remove();
                deleted.add(ban);
                save();
                return ban;
            }
        }
        return null;
    }

    /**
     * Lifts every ban of a group ({@code ungban}; durable on return); how many there were. As in
     * wesnothd they are gone, not kept among the deleted bans.
     */
    int removeGroup(String group) throws IOException {
        int removed = 0;
        for (Iterator<Ban> it = bans.iterator(); it.hasNext();) {
            Ban ban = it.next();
            if (ban.group().equals(group)) {
                it.remove();
                removed++;
            }
        }
        if (removed > 0) {
            save();
        }
        return removed;
    }

    List<Ban> bans() {
        return List.copyOf(bans);
    }

    List<Ban> deleted() {
        return List.copyOf(deleted);
    }

    private void expire(long nowMillis) throws IOException {
        boolean changed = false;
        for (Iterator<Ban> it = bans.iterator(); it.hasNext();) {
            Ban ban = it.next();
            if (!ban.permanent() && ban.endMillis() <= nowMillis) {
                it.remove();
                deleted.add(ban);
                changed = true;
            }
        }
        if (changed) {
            save();
        }
    }

    private void save() throws IOException {
        if (file == null) {
            return;
        }
        Document out = Document.create();
        for (Ban ban : bans) {
            write(out.root().addChild("ban"), ban);
        }
        Node gone = out.root().addChild("deleted");
        for (Ban ban : deleted) {
            write(gone.addChild("ban"), ban);
        }
        byte[] bytes = out.compressedOutput();
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, ".bans", ".part");
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes));
            channel.force(true);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true); // the rename itself survives a crash too
        } catch (IOException notSupported) {
            LOG.debug("Cannot sync folder {}: {}", folder, notSupported.toString());
        }
    }

    private static void write(Node entry, Ban ban) {
        entry.set("end_time", ban.endMillis() / 1000).set("group", ban.group()).set("ip", ban.ipMask())
                .set("nick", ban.nick()).set("reason", ban.reason()).set("start_time", ban.startMillis() / 1000)
                .set("who_banned", ban.issuer());
    }

    private static Ban read(Node entry) {
        return new Ban(entry.text("ip"), entry.text("nick"), entry.text("reason"),
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
