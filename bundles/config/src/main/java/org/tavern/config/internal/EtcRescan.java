package org.tavern.config.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Re-reads the configuration files of {@code etc/} now, as SIGHUP and {@code tavern:reload} promise,
 * instead of waiting for File Install's next poll. It goes through File Install's own installers (its
 * {@code ArtifactInstaller} services: the one for {@code .cfg}/{@code .config} files updates a
 * ConfigAdmin configuration only if the file differs from it), so a file means the same whether the
 * watcher or a reload reads it.
 */
final class EtcRescan {

    private static final String FILEINSTALL_DIR = "felix.fileinstall.dir";

    private final BundleContext context;

    EtcRescan(BundleContext context) {
        this.context = context;
    }

    /** One line saying what was re-read, or why nothing was. */
    String rescan() {
        String dir = context.getProperty(FILEINSTALL_DIR);
        if (dir == null || dir.isBlank()) {
            return "etc/: no configuration folder is watched";
        }
        Path etc = Path.of(dir);
        List<Path> files;
        try (Stream<Path> listing = Files.list(etc)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            return "etc/: cannot list " + etc + ": " + e.getMessage();
        }
        List<ServiceReference<ArtifactInstaller>> installers;
        try {
            installers = new ArrayList<>(context.getServiceReferences(ArtifactInstaller.class, null));
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException("a null filter cannot be invalid", e);
        } catch (NoClassDefFoundError e) {
            return "etc/: File Install is not running; nothing re-read";
        }
        List<String> reread = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            for (ServiceReference<ArtifactInstaller> reference : installers) {
                ArtifactInstaller installer = context.getService(reference);
                if (installer == null) {
                    continue;
                }
                try {
                    File asFile = file.toFile();
                    if (installer.canHandle(asFile)) {
                        installer.update(asFile);
                        reread.add(file.getFileName().toString());
                    }
                } catch (Exception e) {
                    problems.add(file.getFileName() + " (" + e.getMessage() + ")");
                } finally {
                    context.ungetService(reference);
                }
            }
        }
        return "etc/: re-read " + reread.size() + (reread.size() == 1 ? " file" : " files")
                + (reread.isEmpty() ? "" : " (" + String.join(", ", reread) + ")")
                + (problems.isEmpty() ? "" : "; could not apply " + String.join(", ", problems));
    }
}
