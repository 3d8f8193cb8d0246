package org.tavern.config.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@code -c server.cfg} into ConfigAdmin, at start (before the server's bundles start, so
 * they never run half-configured) and again on {@code tavern:reload} or SIGHUP. A file that cannot
 * be read leaves the configuration in force untouched.
 */
final class ServerCfgImport {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCfgImport.class);

    private final Path file;
    private final ConfigurationAdmin configurationAdmin;
    /** Each notice is logged once per process, not at every reload. */
    private final Set<String> told = new HashSet<>();

    ServerCfgImport(Path file, ConfigurationAdmin configurationAdmin) {
        this.file = file;
        this.configurationAdmin = configurationAdmin;
    }

    Path file() {
        return file;
    }

    /**
     * Without {@code -c}: the server.cfg configurations exist, empty. The lobby and the transport read
     * two PIDs each (server.cfg's, then {@code etc/<pid>.cfg}'s, which overrides it key by key), and
     * Felix SCR applies the second only when the first exists too; an empty one also drops what a
     * previous run's {@code -c} left in ConfigAdmin's store.
     */
    static void clear(ConfigurationAdmin admin) {
        for (String pid : java.util.List.of(ServerCfgMapping.LOBBY, ServerCfgMapping.TRANSPORT, ServerCfgMapping.ADMIN)) {
            try {
                admin.getConfiguration(pid, "?").updateIfDifferent(new Hashtable<>());
            } catch (IOException e) {
                LOG.error("Could not reset the server.cfg configuration {}", pid, e);
            }
        }
    }

    /** What a load found: the mapped file, and how many parts of the server it changed. */
    record Loaded(ServerCfgMapping.Result result, int changedParts) {
    }

    /** Reads, checks and applies the file; throws with the line at fault before changing anything. */
    synchronized Loaded load() throws IOException, ConfigFile.Malformed {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        ServerCfgMapping.Result result = ServerCfgMapping.map(ConfigFileParser.parse(text));
        int changed = 0;
        for (Map.Entry<String, Map<String, Object>> entry : result.configurations().entrySet()) {
            Configuration configuration = configurationAdmin.getConfiguration(entry.getKey(), "?");
            if (configuration.updateIfDifferent(new Hashtable<>(entry.getValue()))) {
                changed++;
            }
        }
        return new Loaded(result, changed);
    }

    /** Logs what a load found; each notice only the first time, not at every reload. */
    synchronized void report(Loaded loaded) {
        for (String notice : loaded.result().notices()) {
            if (told.add(notice)) {
                LOG.warn("{} {}", file, notice);
            }
        }
        LOG.info("Configuration read from {}: {} keys, {} parts of the server changed", file,
                loaded.result().configurations().values().stream().mapToInt(Map::size).sum(), loaded.changedParts());
    }
}
