package org.tavern.config.internal;

/**
 * Gogo command {@code tavern:reload}: reads the server.cfg again and applies what changed, live, as
 * wesnothd does on SIGHUP. Nobody is disconnected; a broken file changes nothing.
 */
public final class ReloadCommand {

    private final ServerCfgImport importer;

    ReloadCommand(ServerCfgImport importer) {
        this.importer = importer;
    }

    public String reload(String... args) {
        if (args.length > 0) {
            return "usage: tavern:reload\n  reads " + (importer == null ? "the -c server.cfg" : importer.file())
                    + " again and applies it without disconnecting anyone";
        }
        if (importer == null) {
            return "No configuration file: the server was started without -c.";
        }
        try {
            ServerCfgImport.Loaded loaded = importer.load();
            importer.report(loaded);
            ServerCfgMapping.Result result = loaded.result();
            return "Reloaded " + importer.file() + (result.notices().isEmpty() ? "."
                    : "; notes:\n  " + String.join("\n  ", result.notices()));
        } catch (java.io.IOException e) {
            return "Cannot read " + importer.file() + ": " + e.getMessage() + "; the configuration in force is kept.";
        } catch (ConfigFile.Malformed e) {
            return importer.file() + " " + e.getMessage() + "; the configuration in force is kept.";
        }
    }
}
