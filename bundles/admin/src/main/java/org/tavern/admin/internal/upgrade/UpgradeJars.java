package org.tavern.admin.internal.upgrade;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.osgi.framework.Bundle;

/** The jars an upgrade installs: one given by the owner, or a running bundle's own from the distribution. */
final class UpgradeJars {

    /** The portal's bundles: they hold the sockets, so only a restart replaces them. */
    static final java.util.Set<String> PORTAL = java.util.Set.of("tavern.transport", "tavern.wml");

    private UpgradeJars() {
    }

    /** A jar and the bundle it is (its {@code Bundle-SymbolicName} without directives). */
    record Jar(String symbolicName, byte[] bytes) {
    }

    static Jar read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a file");
        }
        byte[] bytes = Files.readAllBytes(file);
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(bytes))) {
            Manifest manifest = in.getManifest();
            String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            if (name == null || name.isBlank()) {
                throw new IOException(file + " is not a bundle (no Bundle-SymbolicName)");
            }
            return new Jar(name.split(";")[0].trim(), bytes);
        }
    }

    /**
     * The running bundle's jar as the distribution holds it: its location when that is a URL, else
     * the launcher's class path entry of that name (the executable jar keeps its bundles under jar/).
     */
    static byte[] distributionJarOf(Bundle bundle) throws IOException {
        String location = bundle.getLocation();
        InputStream in;
        try {
            in = new URL(location).openStream();
        } catch (MalformedURLException e) {
            in = ClassLoader.getSystemClassLoader().getResourceAsStream(location);
            if (in == null) {
                throw new IOException("its jar (" + location + ") is not in the distribution");
            }
        }
        try (InputStream jar = in) {
            return jar.readAllBytes();
        }
    }
}
