package org.tavern.distribution;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.osgi.framework.BundleActivator;

/**
 * The jars an owner drops into plugins/ by mistake, built for a test: a bundle that imports a
 * package nothing exports, one whose activator throws, one whose component throws as it activates,
 * one that is not a zip at all, and a copy of a real plugin built against an API version the server
 * does not have (and, for the leak detector, one that leaks a thread per version).
 */
final class BrokenPluginJars {

    private BrokenPluginJars() {
    }

    /** A bundle with no code that imports {@code packageName} at {@code range}. */
    static Path unresolvable(Path target, String symbolicName, String packageName, String range) throws IOException {
        Manifest manifest = bundleManifest(symbolicName);
        manifest.getMainAttributes().putValue("Import-Package", packageName + ";version=\"" + range + "\"");
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
            return target;
        }
    }

    /** A bundle whose activator throws an IllegalStateException with {@code message}, compiled here. */
    static Path throwingActivator(Path target, Path workDir, String symbolicName, String message)
            throws IOException, URISyntaxException {
        byte[] boom = compile(workDir, "Boom", String.join("\n",
                "package broken;",
                "public class Boom implements org.osgi.framework.BundleActivator {",
                "  public void start(org.osgi.framework.BundleContext context) {",
                "    throw new IllegalStateException(\"" + message + "\");",
                "  }",
                "  public void stop(org.osgi.framework.BundleContext context) {",
                "  }",
                "}", ""));
        Manifest manifest = bundleManifest(symbolicName);
        manifest.getMainAttributes().putValue("Bundle-Activator", "broken.Boom");
        manifest.getMainAttributes().putValue("Import-Package", "org.osgi.framework");
        return write(target, manifest, Map.of("broken/Boom.class", boom));
    }

    /**
     * A plugin that leaks on purpose: its immediate DS component starts a thread at activation and
     * never stops it, so every version it is updated to keeps the previous one's class loader alive.
     */
    static Path leakingThread(Path target, Path workDir, String version) throws IOException, URISyntaxException {
        byte[] leak = compile(workDir, "Leak", String.join("\n",
                "package broken;",
                "public class Leak {",
                "  public void activate() {",
                "    Thread forever = new Thread(() -> {",
                "      while (true) {",
                "        try { Thread.sleep(60_000); } catch (InterruptedException e) { }",
                "      }",
                "    }, \"leaked-by-" + version + "\");",
                "    forever.setDaemon(true);",
                "    forever.start();",
                "  }",
                "}", ""));
        String component = String.join("\n",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"leak\" immediate=\"true\""
                        + " activate=\"activate\">",
                "  <implementation class=\"broken.Leak\"/>",
                "</scr:component>", "");
        Manifest manifest = bundleManifest("broken.leak");
        manifest.getMainAttributes().putValue("Bundle-Version", version);
        manifest.getMainAttributes().putValue("Service-Component", "OSGI-INF/leak.xml");
        return write(target, manifest, Map.of("broken/Leak.class", leak,
                "OSGI-INF/leak.xml", component.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * A plugin whose message filter component throws from {@code activate} (as one rejecting its
     * configuration would): the bundle starts, Declarative Services cannot activate the component.
     */
    static Path failingComponent(Path target, Path workDir, String message) throws IOException, URISyntaxException {
        byte[] filter = compile(workDir, "Grumpy", String.join("\n",
                "package broken;",
                "public class Grumpy implements org.tavern.api.MessageFilter {",
                "  public void activate() {",
                "    throw new IllegalArgumentException(\"" + message + "\");",
                "  }",
                "  public org.tavern.api.FilterResult filter(org.tavern.api.ChatMessage message) {",
                "    return org.tavern.api.FilterResult.pass();",
                "  }",
                "}", ""));
        String component = String.join("\n",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"grumpy\" activate=\"activate\">",
                "  <implementation class=\"broken.Grumpy\"/>",
                "  <service><provide interface=\"org.tavern.api.MessageFilter\"/></service>",
                "</scr:component>", "");
        Manifest manifest = bundleManifest("broken.component");
        manifest.getMainAttributes().putValue("Import-Package", "org.tavern.api;version=\"[1.2,2)\"");
        manifest.getMainAttributes().putValue("Service-Component", "OSGI-INF/grumpy.xml");
        return write(target, manifest, Map.of("broken/Grumpy.class", filter,
                "OSGI-INF/grumpy.xml", component.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Compiles one class of package {@code broken} against the OSGi core API and Tavern's; answers its bytes. */
    private static byte[] compile(Path workDir, String className, String source) throws IOException, URISyntaxException {
        Path sources = Files.createDirectories(workDir.resolve("src/broken"));
        Path classes = Files.createDirectories(workDir.resolve("classes"));
        Path file = Files.writeString(sources.resolve(className + ".java"), source);
        Path osgiCore = Path.of(BundleActivator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path tavernApi = Path.of(org.tavern.api.MessageFilter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "--release", "17",
                "-cp", osgiCore + java.io.File.pathSeparator + tavernApi,
                "-d", classes.toString(), file.toString());
        if (status != 0) {
            throw new IllegalStateException("javac failed (" + status + ") on " + file);
        }
        return Files.readAllBytes(classes.resolve("broken/" + className + ".class"));
    }

    private static Path write(Path target, Manifest manifest, Map<String, byte[]> entries) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
            for (Map.Entry<String, byte[]> entry : new java.util.TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return target;
    }

    /** A file named .jar that is no zip (a failed download). */
    static Path notAZip(Path target) throws IOException {
        return Files.writeString(target, "<html>404 Not Found</html>\n".repeat(20));
    }

    /** The manifest's Import-Package with {@code packageName}'s version range replaced by {@code range}. */
    static String importsWith(Path jar, String packageName, String range) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            String imports = in.getManifest().getMainAttributes().getValue("Import-Package");
            String replaced = imports.replaceAll(java.util.regex.Pattern.quote(packageName) + ";version=\"[^\"]*\"",
                    packageName + ";version=\"" + range + "\"");
            if (replaced.equals(imports)) {
                throw new IllegalStateException(jar + " does not import " + packageName + " with a version: " + imports);
            }
            return replaced;
        }
    }

    private static Manifest bundleManifest(String symbolicName) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        for (Map.Entry<String, String> header : List.of(
                Map.entry("Manifest-Version", "1.0"),
                Map.entry("Bundle-ManifestVersion", "2"),
                Map.entry("Bundle-SymbolicName", symbolicName),
                Map.entry("Bundle-Version", "1.0.0"))) {
            main.putValue(header.getKey(), header.getValue());
        }
        return manifest;
    }
}
