package org.tavern.admin.internal;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one line once the launcher has started every bundle, so operators (and the process test) see
 * when the server is up, and one line when the framework shuts down. The bnd launcher registers a
 * service with {@code launcher.ready=true} once all bundles are started. It is tracked rather than
 * referenced so that the bundle stays resolvable in containers that have no bnd launcher.
 */
@Component(immediate = true)
public class StartupReporter {

    static final String STARTED_MARKER = "Tavern started";
    static final String STOPPING_MARKER = "Tavern stopping";
    static final String LAUNCHER_READY_FILTER = "(launcher.ready=true)";

    private static final Logger LOG = LoggerFactory.getLogger(StartupReporter.class);

    private final ServiceTracker<Object, Object> launcherReady;

    @Activate
    public StartupReporter(BundleContext context) throws InvalidSyntaxException {
        Filter filter = context.createFilter(LAUNCHER_READY_FILTER);
        launcherReady = new ServiceTracker<>(context, filter, null) {
            @Override
            public Object addingService(ServiceReference<Object> reference) {
                reportStarted(context);
                return reference;
            }
        };
        launcherReady.open(true);
    }

    @Deactivate
    void deactivate() {
        launcherReady.close();
        LOG.info("{}: deactivating components", STOPPING_MARKER);
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
