package org.tavern.admin.internal.plugin;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Jars in plugins/ that FileInstall passes over without a word because they are not OSGi bundles: a
 * plain library, a corrupt download, a zip renamed. Each is judged once its size and modification
 * time held still for a whole scan (so a jar still being copied is not called corrupt) and reported
 * once, until it changes. Owned by the {@link PluginStarter}'s thread.
 */
final class StrayJars {

    private record FileStamp(long size, long modified) {
    }

    private final Path dir;
    private Map<Path, FileStamp> previousScan = new HashMap<>();
    private final Map<Path, FileStamp> judged = new HashMap<>();

    StrayJars(Path dir) {
        this.dir = dir;
    }

    /** One line per jar newly found not to be a bundle, saying why it is ignored. */
    List<String> scan(Set<Path> installedJars) {
        Map<Path, FileStamp> current = new HashMap<>();
        List<String> found = new ArrayList<>();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path jar : jars) {
                FileStamp stamp = stampOf(jar);
                if (stamp == null || installedJars.contains(jar.toAbsolutePath().normalize())) {
                    continue;
                }
                current.put(jar, stamp);
                if (stamp.equals(previousScan.get(jar)) && !stamp.equals(judged.get(jar))) {
                    judged.put(jar, stamp);
                    String why = whyNotABundle(jar);
                    if (why != null) {
                        found.add(jar.getFileName() + " ignored: " + why);
                    }
                }
            }
        } catch (NoSuchFileException e) {
            // no plugins/ folder (yet): nothing to judge
        } catch (IOException e) {
            found.add("cannot list " + dir + ": " + e);
        }
        judged.keySet().retainAll(current.keySet());
        previousScan = current;
        return found;
    }

    private static FileStamp stampOf(Path jar) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
            return attributes.isRegularFile() ? new FileStamp(attributes.size(), attributes.lastModifiedTime().toMillis()) : null;
        } catch (IOException e) {
            return null; // gone since it was listed
        }
    }

    /** Null if the jar looks like a bundle (FileInstall takes it from here). */
    static String whyNotABundle(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                return "not an OSGi bundle (it has no META-INF/MANIFEST.MF)";
            }
            if (manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
                return "not an OSGi bundle (its manifest has no Bundle-SymbolicName; build plugins with bnd, see docs/plugins.md)";
            }
            return null;
        } catch (IOException | SecurityException e) {
            return "not a readable jar (" + e.getMessage() + ")";
        }
    }
}
