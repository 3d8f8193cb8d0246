package org.tavern.config.internal;

/**
 * Gogo command {@code tavern:reload}, also run on SIGHUP: reads the server.cfg again and applies what
 * changed, live, as wesnothd does on SIGHUP, and re-reads the configuration files of {@code etc/}.
 * Nobody is disconnected; a broken server.cfg changes nothing.
 */
public final class ReloadCommand {

    private final ServerCfgImport importer;
    private final EtcRescan etc;

    ReloadCommand(ServerCfgImport importer, EtcRescan etc) {
        this.importer = importer;
        this.etc = etc;
    }

    public String reload(String... args) {
        if (args.length > 0) {
            return "usage: tavern:reload\n  reads " + (importer == null ? "the -c server.cfg" : importer.file())
                    + " and etc/ again and applies them without disconnecting anyone";
        }
        return serverCfg() + "\n" + etc.rescan();
    }

    private String serverCfg() {
        if (importer == null) {
            return "No server.cfg: the server was started without -c.";
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
