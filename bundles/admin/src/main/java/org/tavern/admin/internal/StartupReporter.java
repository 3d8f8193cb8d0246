package org.tavern.admin.internal;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
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
    private final ServiceTracker<Object, Object> launcherReady;
    private final FrameworkListener startLevelListener = event -> {
        if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
            maybeReport();
        }
    };
    private boolean launcherDone;
    private boolean reported;

    @Activate
    public StartupReporter(BundleContext context) throws InvalidSyntaxException {
        this.context = context;
        context.addFrameworkListener(startLevelListener);
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
        launcherReady.close();
        LOG.info("{}: deactivating components", STOPPING_MARKER);
    }

    private synchronized void maybeReport() {
        if (reported || !launcherDone) {
            return;
        }
        FrameworkStartLevel levels = context.getBundle(0).adapt(FrameworkStartLevel.class);
        String beginning = context.getProperty("org.osgi.framework.startlevel.beginning");
        int target = beginning == null ? 1 : Integer.parseInt(beginning.trim());
        if (levels != null && levels.getStartLevel() < target) {
            return;
        }
        reported = true;
        reportStarted(context);
    }

    private static void reportStarted(BundleContext context) {
        Bundle[] bundles = context.getBundles();
        long active = Arrays.stream(bundles).filter(b -> b.getState() == Bundle.ACTIVE).count();
        LOG.info("{} in {} ms: {} of {} bundles active, home {}",
                STARTED_MARKER,
                ManagementFactory.getRuntimeMXBean().getUptime(),
                active,
                bundles.length,
                context.getProperty("tavern.home"));
    }
}
