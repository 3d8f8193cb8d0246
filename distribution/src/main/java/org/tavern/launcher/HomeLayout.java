package org.tavern.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * The server's working folders, created on first start: etc/ (ConfigAdmin files, watched by
 * FileInstall), plugins/ (hot-deployed jars), data/ (databases, framework cache), logs/.
 * Default files are written only when missing, so an owner's edits are never overwritten; a file
 * still byte for byte a default of an earlier Tavern (never edited) is replaced by today's default.
 */
final class HomeLayout {

    /** FileInstall configuration for plugins/, rewritten at start when the home folder has moved. */
    static final String PLUGIN_WATCH_CONFIG = "org.apache.felix.fileinstall-plugins.cfg";

    /** Files copied from the launcher's resources into etc/ when absent. */
    private static final String[] DEFAULT_ETC_FILES = {
        "log4j2.xml",
    };

    /**
     * SHA-256 of the defaults earlier Tavern versions wrote, per file: such a file was never edited,
     * so it gets today's default (log4j2.xml: log retention, -v; the first one also copied the whole
     * log to the console). Whoever changes a default adds the old one's hash here (every version in
     * {@code git log} of the file) and the old file to HomeLayoutTest's resources.
     */
    private static final java.util.Map<String, java.util.Set<String>> EARLIER_DEFAULTS = java.util.Map.of(
            "log4j2.xml", java.util.Set.of(
                    "c0824afa5b89a0aa4cf7720b8acef8a42b13a662d148ca70c389ee47c1dc8bfc",
                    "1a3119e94e37be1eb73486e5f272b2675051a6493034c20bb98adccd84a66d6b",
                    "bfffd7ecfb033df7807f386220a97ed77441af15ecf98d89f260b1159155bad8",
                    "b4ca1e7b080149cc4fe7a009ed24b5ab10bedd3e327a594003fafe677b9653fc",
                    "70d6459f695925a0c4b74cdc70ec5f4ddc5e1bbcd135ced62b2a3744e6d9e3e2",
                    "6e9091289dbe8f3e1beef0f14c9fa6b3b12999e850c01e6139107aa84ac95c5a"));

    final Path home;
    final Path etc;
    final Path plugins;
    final Path data;
    final Path logs;

    HomeLayout(Path home) {
        this.home = home;
        this.etc = home.resolve("etc");
        this.plugins = home.resolve("plugins");
        this.data = home.resolve("data");
        this.logs = home.resolve("logs");
    }

    void create() throws IOException {
        for (Path dir : new Path[] {home, etc, plugins, data, logs}) {
            Files.createDirectories(dir);
        }
        for (String name : DEFAULT_ETC_FILES) {
            Path target = etc.resolve(name);
            if (Files.notExists(target) || isEarlierDefault(name, Files.readAllBytes(target))) {
                try (InputStream in = HomeLayout.class.getResourceAsStream("defaults/" + name)) {
                    if (in == null) {
                        throw new IOException("launcher resource defaults/" + name + " is missing from the jar");
                    }
                    writeAtomically(target, in.readAllBytes());
                }
            }
        }
        Path watch = etc.resolve(PLUGIN_WATCH_CONFIG);
        byte[] watchConfig = pluginWatchConfig().getBytes(StandardCharsets.UTF_8);
        if (Files.notExists(watch) || !Arrays.equals(Files.readAllBytes(watch), watchConfig)) {
            writeAtomically(watch, watchConfig);
        }
    }

    /**
     * FileInstall does not expand variables in the folder it is told to watch, so the absolute path
     * of plugins/ is written here; the file is the launcher's, not the owner's.
     */
    String pluginWatchConfig() {
        return String.join("\n",
                "# Written by the Tavern launcher at every start (edits are replaced): hot deploy of plugins/.",
                "# Jars dropped in are installed (and started by Tavern), replaced ones updated, deleted ones uninstalled.",
                "# Copy a jar in under another name and rename it, so a half-written file is never installed.",
                "felix.fileinstall.dir=" + escapeProperty(plugins.toString()),
                "felix.fileinstall.filter=.*\\\\.jar",
                "felix.fileinstall.poll=1000",
                "felix.fileinstall.noInitialDelay=true",
                // Installed, updated, refreshed and uninstalled by FileInstall; started by tavern.admin's
                // PluginStarter, which reports a jar that cannot start in one line and rolls back updates.
                // FileInstall logs its own errors only: its warnings for those failures are multi-line
                // resolver dumps, and its progress lines would repeat the PluginStarter's.
                "felix.fileinstall.bundles.new.start=false",
                "felix.fileinstall.log.level=1",
                "");
    }

    static boolean isEarlierDefault(String name, byte[] content) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(content);
            return EARLIER_DEFAULTS.getOrDefault(name, java.util.Set.of()).contains(java.util.HexFormat.of().formatHex(digest));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String escapeProperty(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
    }

    /** Written under a temporary name first: FileInstall must never read half a file. */
    private void writeAtomically(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(etc, ".tavern-", ".tmp");
        Files.write(temp, content);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
