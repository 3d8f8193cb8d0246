package org.tavern.admin.internal.plugin;

import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The home's plugins/ folder, and which installed bundles FileInstall took from it. */
public final class PluginFolder {

    /** The server's home ({@code tavern.home}); plugins/ and data/ are in it. */
    final Path home;
    final Path dir;

    private PluginFolder(Path home) {
        this.home = home;
        this.dir = home.resolve("plugins");
    }

    public static PluginFolder of(BundleContext context) {
        String home = context.getProperty("tavern.home");
        return new PluginFolder(Path.of(home != null ? home : ".").toAbsolutePath().normalize());
    }

    /** How log lines name a plugin: {@code <jar> (<symbolic name> <version>)}. */
    static String describe(Path jar, Bundle bundle) {
        return jar.getFileName() + " (" + bundle.getSymbolicName() + " " + bundle.getVersion() + ")";
    }

    /** The jar in plugins/ the bundle was installed from, or null for every other bundle. */
    public Path jarOf(Bundle bundle) {
        String location = bundle.getLocation();
        if (location == null || !location.startsWith("file:")) {
            return null;
        }
        try {
            Path file = Path.of(URI.create(location)).toAbsolutePath().normalize();
            return file.startsWith(dir) ? file : null;
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return null;
        }
    }
}
