package org.tavern.distribution;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An example plugin's jar as built, or a changed version of it: another {@code Bundle-Version} and
 * other component properties in its {@code OSGI-INF} XML (what a configuration interface's defaults
 * become), so the same classes behave differently after an update in place. Deployed as an owner
 * would: written beside {@code plugins/} under a name FileInstall ignores, then renamed over the jar.
 */
final class PluginJar {

    private static final Pattern PROPERTY = Pattern.compile("<property name=\"([^\"]+)\" type=\"([^\"]+)\" value=\"[^\"]*\"/>");

    private PluginJar() {
    }

    /** The built jar of an example plugin, from the system property the failsafe configuration sets. */
    static Path built(String property, String fallback) {
        Path jar = Path.of(System.getProperty(property, fallback));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("plugin jar not built at " + jar.toAbsolutePath());
        }
        return jar;
    }

    /**
     * Writes a copy of {@code original} to {@code target} with {@code version} as its Bundle-Version
     * and, for each component named (by its class's simple name), the given properties set in its
     * description (replacing a property of that name, else added as a String).
     */
    static Path variant(Path original, Path target, String version, Map<String, Map<String, String>> byComponent)
            throws IOException {
        return variant(original, target, version, byComponent, Map.of());
    }

    /** As {@link #variant(Path, Path, String, Map)}, with other manifest headers too ({@code Import-Package} given whole). */
    static Path variant(Path original, Path target, String version, Map<String, Map<String, String>> byComponent,
            Map<String, String> headers) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(original))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            headers.forEach((name, value) -> manifest.getMainAttributes().put(new Attributes.Name(name), value));
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    byte[] content = in.readAllBytes();
                    Map<String, String> properties = componentOf(entry.getName(), byComponent);
                    if (properties != null) {
                        content = withProperties(new String(content, StandardCharsets.UTF_8), properties)
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    copy(new ByteArrayInputStream(content), out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    /** The properties for a component description {@code OSGI-INF/<package>.<Class>.xml}, or null. */
    private static Map<String, String> componentOf(String entry, Map<String, Map<String, String>> byComponent) {
        if (!entry.startsWith("OSGI-INF/") || entry.contains("metatype") || !entry.endsWith(".xml")) {
            return null;
        }
        for (Map.Entry<String, Map<String, String>> component : byComponent.entrySet()) {
            if (entry.endsWith("." + component.getKey() + ".xml")) {
                return component.getValue();
            }
        }
        return null;
    }

    private static String withProperties(String componentXml, Map<String, String> properties) {
        String xml = componentXml;
        for (Map.Entry<String, String> property : properties.entrySet()) {
            Matcher matcher = PROPERTY.matcher(xml);
            boolean replaced = false;
            StringBuilder rewritten = new StringBuilder();
            while (matcher.find()) {
                if (matcher.group(1).equals(property.getKey())) {
                    matcher.appendReplacement(rewritten, Matcher.quoteReplacement("<property name=\"" + property.getKey()
                            + "\" type=\"" + matcher.group(2) + "\" value=\"" + property.getValue() + "\"/>"));
                    replaced = true;
                }
            }
            matcher.appendTail(rewritten);
            xml = replaced ? rewritten.toString() : xml.replace("<service>", "<property name=\"" + property.getKey()
                    + "\" type=\"String\" value=\"" + property.getValue() + "\"/>\n  <service>");
        }
        return xml;
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
    }

    /** Copies {@code jar} to {@code plugins/<name>} atomically: FileInstall installs it, or updates the one there. */
    static void deploy(Path jar, Path pluginsDir, String name) throws IOException {
        Files.createDirectories(pluginsDir);
        Path part = pluginsDir.resolve(name + ".part");
        Files.copy(jar, part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, pluginsDir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
