package org.tavern.admin.internal.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * A copy of every plugin jar that last started, in {@code data/plugins-last-good/<bundle id>.jar}, so
 * that an update to a jar that cannot start is rolled back to the version that ran: dropping a broken
 * jar over a working one leaves the server as it was. Copied from plugins/ right after the start;
 * owned by the {@link PluginStarter}'s thread.
 */
final class LastGoodJars {

    private final Path folder;

    LastGoodJars(Path folder) {
        this.folder = folder;
    }

    void save(long bundleId, Path jar) throws IOException {
        Files.createDirectories(folder);
        Path staging = Files.createTempFile(folder, ".copy-", ".tmp");
        try {
            Files.copy(jar, staging, StandardCopyOption.REPLACE_EXISTING);
            Files.move(staging, copyOf(bundleId), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(staging);
        }
    }

    /** The saved jar of the bundle, opened; empty if none was saved. */
    Optional<InputStream> open(long bundleId) throws IOException {
        Path copy = copyOf(bundleId);
        return Files.isRegularFile(copy) ? Optional.of(Files.newInputStream(copy)) : Optional.empty();
    }

    void forget(long bundleId) throws IOException {
        Files.deleteIfExists(copyOf(bundleId));
    }

    private Path copyOf(long bundleId) {
        return folder.resolve(bundleId + ".jar");
    }
}
