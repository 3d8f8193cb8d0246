package org.tavern.admin.internal;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.admin.internal.plugin.PluginFolder;
import org.tavern.admin.internal.plugin.PluginStarter;
import org.tavern.admin.internal.plugin.PluginsCommand;

/**
 * Logs one line once the server is up, so operators (and the process test) see it, and one line when
 * the framework shuts down. Up means: the bnd launcher has registered its {@code launcher.ready=true}
 * service (it has installed and started every bundle), the framework has reached its beginning
 * start level (bundles on later start levels are started asynchronously after that service appears)
 * and the players' listener is bound. The line counts the server's bundles and their components,
 * naming those that failed. A server whose listener could not bind (port taken, no permission) is not
 * started at all: one line says why, on stderr and in the log, and the process exits with status 1.
 * The launcher's service is tracked rather than referenced so that the bundle stays resolvable in
 * containers that have no bnd launcher.
 */
@Component(immediate = true)
public class StartupReporter {

    static final String STARTED_MARKER = "Tavern started";
    static final String STOPPING_MARKER = "Tavern stopping";
    static final String LAUNCHER_READY_FILTER = "(launcher.ready=true)";
    static final String NOT_STARTED_MARKER = "Tavern did not start";
    /** Exit status when the server cannot serve (the launcher's start-failure status). */
    static final int EXIT_START_FAILED = 1;

    private static final Logger LOG = LoggerFactory.getLogger(StartupReporter.class);

    private final BundleContext context;
    private final ServiceComponentRuntime components;
    /** Whose bundles are plugins, not the server's own. */
    private final PluginFolder plugins;
    private final ServiceTracker<Object, Object> launcherReady;
    private final FrameworkListener startLevelListener = event -> {
        if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
            synchronized (this) {
                levelsDone = beginningLevelReached();
            }
            maybeReport();
        }
    };
    private boolean launcherDone;
    /** Felix raises the level before starting its bundles, so only its STARTLEVEL_CHANGED event says they run. */
    private boolean levelsDone;
    private boolean reported;
    private boolean givenUpWaiting;
    private Thread giveUp;
    private static final long GIVE_UP_MILLIS = 5000;
    private final BundleListener bundleStarts = event -> {
        if (event.getType() == BundleEvent.STARTED) {
            maybeReport();
        }
    };

    @Activate
    public StartupReporter(BundleContext context, @Reference ServiceComponentRuntime components)
            throws InvalidSyntaxException {
        this.context = context;
        this.components = components;
        this.plugins = PluginFolder.of(context);
        synchronized (this) {
            // This bundle starts within the last start level, which Felix counts as reached before its
            // bundles start: until its STARTLEVEL_CHANGED event, only bundles all active say it is done
            // (this bundle restarted later). Else a slow machine got "started" before the listener bound.
            levelsDone = beginningLevelReached() && !serverBundlesStillStarting();
        }
        context.addFrameworkListener(startLevelListener);
        context.addBundleListener(bundleStarts);
        Filter filter = context.createFilter(LAUNCHER_READY_FILTER);
        launcherReady = new ServiceTracker<>(context, filter, null) {
            @Override
            public Object addingService(ServiceReference<Object> reference) {
                synchronized (StartupReporter.this) {
                    launcherDone = true;
                }
                maybeReport();
                return reference;
            }
        };
        launcherReady.open(true);
    }

    @Deactivate
    void deactivate() {
        context.removeFrameworkListener(startLevelListener);
        context.removeBundleListener(bundleStarts);
        launcherReady.close();
        Thread waiting;
        synchronized (this) {
            waiting = giveUp;
        }
        if (waiting != null) {
            waiting.interrupt();
        }
        LOG.info("{}: deactivating components", STOPPING_MARKER);
    }

    private synchronized void maybeReport() {
        if (reported || !launcherDone || !levelsDone) {
            return;
        }
        if ((serverBundlesStillStarting() || listenerNotYetUp()) && !givenUpWaiting) {
            // Bundles of the last level may still be starting, the listener not yet bound; re-checked on
            // every bundle start, and reported anyway (naming the laggards) if not done in a few seconds.
            // Plugins are not waited for: one that cannot start is the PluginStarter's to report.
            if (giveUp == null) {
                giveUp = new Thread(() -> {
                    try {
                        Thread.sleep(GIVE_UP_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    synchronized (StartupReporter.this) {
                        givenUpWaiting = true;
                    }
                    maybeReport();
                }, "tavern-startup-report");
                giveUp.setDaemon(true);
                giveUp.start();
            }
            return;
        }
        reported = true;
        reportStarted();
    }

    private boolean beginningLevelReached() {
        FrameworkStartLevel levels = context.getBundle(0).adapt(FrameworkStartLevel.class);
        String beginning = context.getProperty("org.osgi.framework.startlevel.beginning");
        int target = beginning == null ? 1 : Integer.parseInt(beginning.trim());
        return levels == null || levels.getStartLevel() >= target;
    }

    private boolean listenerNotYetUp() {
        return ServerComponents.of(components, serverBundles()).listener() == ServerComponents.Listener.NOT_YET;
    }

    private boolean serverBundlesStillStarting() {
        return !inactiveBundles(serverBundles()).isEmpty();
    }

    /** The server's own bundles: not the plugins, which the PluginStarter starts and reports on. */
    private List<Bundle> serverBundles() {
        return Arrays.stream(context.getBundles()).filter(b -> plugins.jarOf(b) == null).toList();
    }

    private static List<String> inactiveBundles(List<Bundle> bundles) {
        return bundles.stream()
                .filter(b -> b.getState() != Bundle.ACTIVE && !PluginsCommand.isFragment(b))
                .map(b -> b.getSymbolicName() + " (" + PluginsCommand.stateName(b.getState()) + ")")
                .toList();
    }

    private void reportStarted() {
        List<Bundle> server = serverBundles();
        List<String> inactive = inactiveBundles(server);
        ServerComponents state = ServerComponents.of(components, server);
        // ABSENT: a container without the transport bundle (tests of single bundles); nothing to refuse.
        if (state.listener() == ServerComponents.Listener.FAILED) {
            refuseToRun(state.listenerFailure());
            return;
        } else if (state.listener() == ServerComponents.Listener.NOT_YET) {
            refuseToRun("the players' listener did not start (" + state.summary() + ")");
            return;
        }
        int pluginBundles = context.getBundles().length - server.size();
        boolean whole = inactive.isEmpty() && state.failed().isEmpty() && state.waiting().isEmpty();
        String line = "{} in {} ms: {} of {} bundles active{}, {}{}, home {}";
        Object[] values = {
            STARTED_MARKER,
            ManagementFactory.getRuntimeMXBean().getUptime(),
            server.size() - inactive.size(),
            server.size(),
            inactive.isEmpty() ? "" : ", not active: " + String.join(", ", inactive),
            state.summary(),
            pluginBundles == 0 ? "" : ", " + pluginBundles + " plugin bundles from plugins/ being started",
            context.getProperty("tavern.home")};
        if (whole) {
            LOG.info(line, values);
        } else {
            LOG.warn(line, values);
        }
    }

    /**
     * Without its listener the server serves nobody: say why in one line, on stderr (bin/tavern and
     * service managers show it) and in the log, and end the process. From a thread of its own: the
     * exit stops the framework, which must not wait for the event thread this may run on.
     */
    private static void refuseToRun(String reason) {
        LOG.error("{}: {}", NOT_STARTED_MARKER, reason);
        System.err.println("tavern: " + reason);
        System.err.flush();
        Thread exit = new Thread(() -> System.exit(EXIT_START_FAILED), "tavern-start-failed");
        exit.start();
    }
}
