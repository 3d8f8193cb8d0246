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
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one line once the server is up, so operators (and the process test) see it, and one line when
 * the framework shuts down. Up means: the bnd launcher has registered its {@code launcher.ready=true}
 * service (it has installed and started every bundle) and the framework has reached its beginning
 * start level (bundles on later start levels are started asynchronously after that service appears).
 * The launcher's service is tracked rather than referenced so that the bundle stays resolvable in
 * containers that have no bnd launcher.
 */
@Component(immediate = true)
public class StartupReporter {

    static final String STARTED_MARKER = "Tavern started";
    static final String STOPPING_MARKER = "Tavern stopping";
    static final String LAUNCHER_READY_FILTER = "(launcher.ready=true)";

    private static final Logger LOG = LoggerFactory.getLogger(StartupReporter.class);

    private final BundleContext context;
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
    public StartupReporter(BundleContext context) throws InvalidSyntaxException {
        this.context = context;
        this.plugins = PluginFolder.of(context);
        synchronized (this) {
            levelsDone = beginningLevelReached();
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
        if (serverBundlesStillStarting() && !givenUpWaiting) {
            // Bundles of the last level may still be starting; re-checked on every bundle start, and
            // reported anyway (naming the laggards) if they have not all started in a few seconds.
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

    private boolean serverBundlesStillStarting() {
        return !inactiveBundles(serverBundles()).isEmpty();
    }

    /** The server's own bundles: not the plugins, which the PluginStarter starts and reports on. */
    private List<Bundle> serverBundles() {
        return Arrays.stream(context.getBundles()).filter(b -> plugins.jarOf(b) == null).toList();
    }

    private static List<String> inactiveBundles(List<Bundle> bundles) {
        return bundles.stream()
                .filter(b -> b.getState() != Bundle.ACTIVE && !isFragment(b))
                .map(b -> b.getSymbolicName() + " (" + PluginsCommand.stateName(b.getState()) + ")")
                .toList();
    }

    private void reportStarted() {
        List<Bundle> server = serverBundles();
        List<String> inactive = inactiveBundles(server);
        int pluginBundles = context.getBundles().length - server.size();
        LOG.info("{} in {} ms: {} of {} bundles active{}{}, home {}",
                STARTED_MARKER,
                ManagementFactory.getRuntimeMXBean().getUptime(),
                server.size() - inactive.size(),
                server.size(),
                inactive.isEmpty() ? "" : ", not active: " + String.join(", ", inactive),
                pluginBundles == 0 ? "" : ", " + pluginBundles + " plugin bundles from plugins/ being started",
                context.getProperty("tavern.home"));
    }

    static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get("Fragment-Host") != null;
    }
}
