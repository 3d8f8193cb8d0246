package org.tavern.identity.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.identity.StoreException;

/**
 * Gogo command {@code tavern:backup [FILE]}: an online, consistent copy of the H2 store (accounts,
 * bans, game records) while the server runs and writes. H2's {@code BACKUP TO} zips the database
 * file; the MVStore is copy-on-write, so the copy is one committed state even while writes go on, and
 * nobody waits (a copy of {@code data/tavern.mv.db} taken by hand while it is written has no such
 * guarantee). A PostgreSQL store is backed up with {@code pg_dump} instead (docs/admin-guide.md).
 */
@Component(
        service = BackupCommand.class,
        property = {
            "osgi.command.scope=tavern",
            "osgi.command.function=backup"
        })
public class BackupCommand {

    static final String USAGE = "usage: tavern:backup [<file>]\n"
            + "  writes a consistent copy of the H2 store (a zip) while the server runs; <file> is relative to the\n"
            + "  home, default data/backups/tavern-<date>-<time>.zip. Restore: docs/admin-guide.md";

    private static final Logger LOG = LoggerFactory.getLogger(BackupCommand.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Database database;
    private final Path home;

    @Activate
    public BackupCommand(@Reference Database database, BundleContext context) {
        this(database, Path.of(homeOf(context)));
    }

    BackupCommand(Database database, Path home) {
        this.database = database;
        this.home = home.toAbsolutePath().normalize();
    }

    public String backup(String... args) {
        if (args.length > 1 || (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")))) {
            return USAGE;
        }
        if (database.dialect() != Database.Dialect.H2) {
            return "Not backed up: the store is PostgreSQL (" + Database.redacted(database.settings().url())
                    + "); back it up with pg_dump (docs/admin-guide.md)";
        }
        Path file;
        try {
            file = args.length == 1 ? home.resolve(args[0]).normalize()
                    : home.resolve("data/backups/tavern-" + LocalDateTime.now().format(STAMP) + ".zip");
        } catch (InvalidPathException e) {
            return "Not backed up: " + e.getMessage();
        }
        if (Files.exists(file)) {
            return "Not backed up: " + file + " exists (give another name, or move it away)";
        }
        long started = System.nanoTime();
        try {
            Files.createDirectories(file.getParent());
            backupTo(database, file);
        } catch (IOException | StoreException e) {
            LOG.warn("Backup to {} failed: {}", file, e.getMessage());
            return "Not backed up: " + e.getMessage();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            bytes = -1;
        }
        LOG.info("Store backed up to {} ({} bytes, {} ms)", file, bytes, millis);
        return "Store backed up to " + file + " (" + bytes + " bytes, " + millis + " ms). To restore it: stop the"
                + " server, unzip -o " + file + " -d <home>/data, start the server (docs/admin-guide.md)";
    }

    /** H2's online backup; the file name is a literal in the statement, its quotes doubled. */
    static void backupTo(Database database, Path file) {
        String literal = "'" + file.toString().replace("'", "''") + "'";
        database.read("backup to " + file, connection -> {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("BACKUP TO " + literal);
            }
            return null;
        });
    }

    private static String homeOf(BundleContext context) {
        String home = context.getProperty("tavern.home");
        return home == null || home.isBlank() ? "." : home;
    }
}
