package org.tavern.config.internal;

import java.nio.file.Path;
import java.util.Hashtable;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@code -c server.cfg} (framework property {@code tavern.config}) into ConfigAdmin before
 * the server's components start: this bundle starts at level 2 beside ConfigAdmin, the transport and
 * the lobby at level 3, so they start configured, and a file with an error ends the launch right
 * here, with its line, before anything listens. Then offers {@code tavern:reload} and SIGHUP,
 * which re-read it and {@code etc/}.
 */
public final class ConfigActivator implements BundleActivator {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigActivator.class);

    /** Exit status when the configuration file cannot be used (the launcher's start-failure status). */
    static final int EXIT_BAD_CONFIGURATION = 1;
    static final long CONFIGADMIN_WAIT_MILLIS = 30_000;

    private ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> configurationAdmin;

    @Override
    public void start(BundleContext context) throws InterruptedException {
        ServerCfgImport importer = importServerCfg(context);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.command.scope", "tavern");
        properties.put("osgi.command.function", "reload");
        ReloadCommand reload = new ReloadCommand(importer, new EtcRescan(context));
        context.registerService(ReloadCommand.class, reload, properties);
        // Always: without -c there is still etc/ to re-read, and an uncaught HUP would end the JVM.
        HangupSignal.onHangup(() -> LOG.info("SIGHUP: {}", reload.reload()));
    }

    private ServerCfgImport importServerCfg(BundleContext context) throws InterruptedException {
        String path = context.getProperty("tavern.config");
        configurationAdmin = new ServiceTracker<>(context, ConfigurationAdmin.class, null);
        configurationAdmin.open();
        ConfigurationAdmin admin = configurationAdmin.waitForService(CONFIGADMIN_WAIT_MILLIS);
        if (admin == null) {
            refuseToStart("ConfigAdmin did not start; cannot read the configuration");
        }
        if (path == null || path.isBlank()) {
            ServerCfgImport.clear(admin);
            return null;
        }
        ServerCfgImport importer = new ServerCfgImport(Path.of(path), admin);
        try {
            ServerCfgImport.Loaded loaded = importer.load();
            reportOnceStarted(context, importer, loaded);
        } catch (java.io.IOException e) {
            refuseToStart("cannot read the config file " + path + ": " + e.getMessage());
        } catch (ConfigFile.Malformed e) {
            refuseToStart("config file " + path + " " + e.getMessage());
        }
        return importer;
    }

    /**
     * Logging is being re-configured while ConfigAdmin starts (pax-logging follows it), and events
     * logged meanwhile are lost; what the file held is therefore logged once the server's start level is reached.
     */
    private static void reportOnceStarted(BundleContext context, ServerCfgImport importer, ServerCfgImport.Loaded loaded) {
        context.addFrameworkListener(new org.osgi.framework.FrameworkListener() {
            @Override
            public void frameworkEvent(org.osgi.framework.FrameworkEvent event) {
                // Felix reports the last start level reached (the launcher raises it after STARTED)
                if (event.getType() == org.osgi.framework.FrameworkEvent.STARTLEVEL_CHANGED
                        || event.getType() == org.osgi.framework.FrameworkEvent.STARTED) {
                    context.removeFrameworkListener(this);
                    importer.report(loaded);
                }
            }
        });
    }

    /**
     * Ends the process before the server starts. {@code halt} rather than {@code exit}: the framework
     * is in the middle of this start level (an orderly stop would wait for it), and nothing of the
     * server runs yet, so there is nothing to clean up.
     */
    private static void refuseToStart(String problem) {
        LOG.error("Tavern does not start: {}", problem);
        System.err.println("tavern: " + problem);
        System.err.println("tavern: not started; nothing was changed");
        System.err.flush();
        Runtime.getRuntime().halt(EXIT_BAD_CONFIGURATION);
    }

    @Override
    public void stop(BundleContext context) {
        if (configurationAdmin != null) {
            configurationAdmin.close();
        }
    }
}
