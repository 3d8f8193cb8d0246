package org.tavern.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Entry point of tavern.jar. Reads the wesnothd-style command line; unless already in the server JVM
 * (-Dtavern.relaunch=false), starts that with Tavern's JVM options ({@link Relaunch}). In the server
 * JVM it prepares the home folder and hands over to the bnd launcher embedded in the same jar, which
 * starts Felix and our bundles.
 * Everything decided here reaches the bundles as framework properties ({@code tavern.*}).
 */
public final class Main {

    static final int EXIT_USAGE = 2;
    static final int EXIT_FAILURE = 1;
    private static final String EMBEDDED_LAUNCHER = "aQute.launcher.pre.EmbeddedLauncher";

    private Main() {
    }

    public static void main(String[] args) throws Throwable {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args, Path.of("").toAbsolutePath());
        } catch (CommandLine.UsageException e) {
            System.err.println("tavern: " + e.getMessage());
            System.err.println("Try 'java -jar tavern.jar --help' for the list of options.");
            System.exit(EXIT_USAGE);
            return;
        }
        switch (commandLine.action()) {
            case HELP -> System.out.println(CommandLine.USAGE);
            case VERSION -> System.out.println("Tavern " + version() + " (Battle for Wesnoth server 1.16.9 protocol)");
            case RUN -> run(commandLine, java.util.List.of(args));
        }
    }

    private static void run(CommandLine commandLine, java.util.List<String> args) throws Throwable {
        if (!commandLine.daemon() && ServerJvm.relaunchWanted()) {
            System.exit(Relaunch.run(args));
            return;
        }
        HomeLayout layout = new HomeLayout(commandLine.home());
        try {
            layout.create();
        } catch (IOException e) {
            System.err.println("tavern: cannot prepare the home folder " + commandLine.home() + ": " + e);
            System.exit(EXIT_FAILURE);
            return;
        }
        if (commandLine.config().isPresent() && !Files.isReadable(commandLine.config().get())) {
            // wesnothd logs an unreadable config and runs on defaults; an owner who named a file
            // almost certainly mistyped it, so refuse to start instead of silently ignoring it.
            System.err.println("tavern: cannot read the config file " + commandLine.config().get());
            System.exit(EXIT_FAILURE);
            return;
        }
        if (commandLine.threads() > 0) {
            System.out.println("tavern: -t/--threads " + commandLine.threads() + " is accepted for wesnothd's scripts and"
                    + " ignored: Tavern's I/O threads are 'shards' in etc/tavern.transport.cfg (default: one per core)");
        }
        if (commandLine.daemon()) {
            System.exit(Daemon.start(args, layout));
            return;
        }
        Relaunch.watchLauncher();
        setFrameworkProperties(commandLine, layout);
        startEmbeddedLauncher();
    }

    /** bnd's launcher is looked up at run time: it is packed into tavern.jar by the export, not a build dependency. */
    private static void startEmbeddedLauncher() throws Throwable {
        Class<?> launcher = Class.forName(EMBEDDED_LAUNCHER);
        try {
            launcher.getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * System properties set before the launcher starts override the jar's launcher.properties, and
     * Felix passes them to bundles through {@code BundleContext.getProperty}.
     */
    static void setFrameworkProperties(CommandLine commandLine, HomeLayout layout) {
        System.setProperty("tavern.version", version());
        System.setProperty("tavern.home", layout.home.toString());
        System.setProperty("tavern.port", Integer.toString(commandLine.port()));
        System.setProperty("tavern.keepalive", Boolean.toString(commandLine.keepalive()));
        if (commandLine.verbose()) {
            // etc/log4j2.xml (the default one) sets Tavern's loggers to ${sys:tavern.log.level:-info}
            System.setProperty("tavern.log.level", "debug");
            if (System.getProperty("tavern.console.level") == null) {
                System.setProperty("tavern.console.level", "debug");
            }
        }
        // Felix HTTP reads these; etc/org.apache.felix.http.cfg (its configuration PID) overrides them.
        System.setProperty("org.osgi.service.http.port", Integer.toString(commandLine.httpPort()));
        System.setProperty("org.apache.felix.http.enable", Boolean.toString(commandLine.httpPort() != 0));
        commandLine.config().ifPresent(config -> System.setProperty("tavern.config", config.toString()));
        System.setProperty("org.osgi.framework.storage", layout.data.resolve("felix-cache").toString());
        System.setProperty("felix.fileinstall.dir", layout.etc.toString());
        System.setProperty("felix.fileinstall.filter", ".*\\.(cfg|config)");
        // pax-logging reads the Log4j 2 configuration from here (there is no org.ops4j.pax.logging PID).
        System.setProperty("org.ops4j.pax.logging.property.file", layout.etc.resolve("log4j2.xml").toString());
        System.setProperty("gosh.home", layout.etc.toString());
        if (System.getProperty("gosh.args") == null && System.console() == null) {
            // No terminal: run the shell on whatever stdin holds, but keep the server running at its
            // end of file (</dev/null, a service manager, nohup).
            System.setProperty("gosh.args", "--noshutdown");
            System.setProperty("org.jline.terminal.dumb", "true");
        }
    }

    static String version() {
        try (InputStream in = Main.class.getResourceAsStream("tavern-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
