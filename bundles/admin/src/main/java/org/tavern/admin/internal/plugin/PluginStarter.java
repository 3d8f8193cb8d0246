package org.tavern.admin.internal.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the plugin bundles FileInstall installs from plugins/ (the launcher tells FileInstall to
 * install, update, uninstall and refresh, not to start), so that a plugin that cannot start is
 * reported here in one line that says why, once per jar, and never leaves the server worse than it
 * was: a new jar that fails stays inert, an update that fails is rolled back to the version that ran.
 *
 * <p>Started transiently: the framework never starts a plugin on its own at the next boot (where a
 * failure would be its multi-line error); this component starts them all when it activates. A plugin
 * stopped from the console stays stopped until its jar changes. Everything runs on one thread,
 * which owns the attempts; {@code tavern:plugins} only reads them.
 */
// named as before it moved to its own package: the component name and any default PID stay
@Component(name = "org.tavern.admin.internal.PluginStarter", immediate = true, service = PluginStarter.class)
public class PluginStarter {

    private static final Logger LOG = LoggerFactory.getLogger(PluginStarter.class);
    /** Twice FileInstall's poll: a jar still being copied has changed between two scans. */
    private static final long SCAN_SECONDS = 2;

    /** What became of the last start of a bundle revision (identified by its last-modified stamp). */
    enum Outcome {
        STARTED,
        /** A requirement was missing: retried whenever bundles change, reported again only if the reason changes. */
        UNRESOLVED,
        /** It resolved but its activator threw: not retried until the jar changes. */
        FAILED,
        /** The new jar did not start and the bundle runs the jar that last started instead. */
        ROLLED_BACK
    }

    record Attempt(long stamp, Outcome outcome, String reason) {
    }

    private final BundleContext context;
    private final PluginFolder folder;
    private final LastGoodJars lastGood;
    private final Map<Long, Attempt> attempts = new ConcurrentHashMap<>();
    private final StrayJars strays;
    private final FailedComponents failedComponents = new FailedComponents();
    /** Declarative Services' introspection, to see plugin components that failed to activate; absent without SCR. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ServiceComponentRuntime scr;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread starter = new Thread(runnable, "tavern-plugin-starter");
        starter.setDaemon(true);
        return starter;
    });
    private final AtomicBoolean sweepQueued = new AtomicBoolean();
    /** FileInstall refreshes after every batch of installs, updates and removals: the moment to start what it installed. */
    private final FrameworkListener refreshes = event -> {
        // and at boot, once the framework reaches the start level FileInstall gives plugins
        if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
            sweepSoon();
        }
    };
    private final BundleListener removals = this::uninstalled;

    @Activate
    public PluginStarter(BundleContext context) {
        this.context = context;
        this.folder = PluginFolder.of(context);
        this.lastGood = new LastGoodJars(folder.home.resolve("data").resolve("plugins-last-good"));
        this.strays = new StrayJars(folder.dir);
        context.addFrameworkListener(refreshes);
        context.addBundleListener(removals);
        sweepSoon();
        thread.scheduleWithFixedDelay(this::scan, SCAN_SECONDS, SCAN_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        context.removeFrameworkListener(refreshes);
        context.removeBundleListener(removals);
        thread.shutdownNow();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** What keeps the bundle from running the jar in plugins/, for the console; empty when nothing does. */
    Optional<String> problemOf(long bundleId) {
        Attempt attempt = attempts.get(bundleId);
        if (attempt == null || attempt.outcome() == Outcome.STARTED) {
            return Optional.empty();
        }
        return Optional.of(attempt.outcome() == Outcome.ROLLED_BACK
                ? "the jar in plugins/ did not start (" + attempt.reason() + "); the previous version runs"
                : "not started: " + attempt.reason());
    }

    private void uninstalled(BundleEvent event) {
        Path jar = event.getType() == BundleEvent.UNINSTALLED ? folder.jarOf(event.getBundle()) : null;
        if (jar != null) {
            LOG.info("Plugin {} removed", PluginFolder.describe(jar, event.getBundle()));
            sweepSoon();
        }
    }

    private void sweepSoon() {
        if (sweepQueued.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    sweepQueued.set(false);
                    try {
                        sweep();
                    } catch (RuntimeException e) {
                        LOG.warn("Starting the plugins from {} failed; the next refresh tries again", folder.dir, e);
                    }
                });
            } catch (RejectedExecutionException e) {
                // deactivating: the next activation sweeps again
            }
        }
    }

    private void sweep() {
        for (Bundle bundle : context.getBundles()) {
            Path jar = folder.jarOf(bundle);
            if (jar != null && !PluginsCommand.isFragment(bundle)) {
                try {
                    consider(bundle, jar);
                } catch (IllegalStateException e) {
                    LOG.debug("Plugin {} went away while being started", jar.getFileName(), e);
                }
            }
        }
        attempts.keySet().removeIf(id -> {
            if (context.getBundle(id) != null) {
                return false;
            }
            forgetLastGood(id);
            return true;
        });
    }

    /** The periodic look at plugins/ and the plugins' components: what went wrong without a bundle event. */
    private void scan() {
        try {
            Set<Path> installed = new HashSet<>();
            Set<Long> ids = new HashSet<>();
            ServiceComponentRuntime runtime = scr;
            for (Bundle bundle : context.getBundles()) {
                Path jar = folder.jarOf(bundle);
                if (jar == null) {
                    continue;
                }
                installed.add(jar);
                ids.add(bundle.getBundleId());
                if (runtime != null && bundle.getState() == Bundle.ACTIVE) {
                    for (String failure : failedComponents.newlyFailed(runtime, bundle)) {
                        LOG.warn("Plugin {}: {}; the lobby does without it", PluginFolder.describe(jar, bundle), failure);
                    }
                }
            }
            failedComponents.retainOnly(ids);
            for (String stray : strays.scan(installed)) {
                LOG.warn("Plugin {}", stray);
            }
        } catch (RuntimeException e) {
            // a bundle going away mid-scan, or SCR stopping: the next scan looks again
            LOG.debug("Plugin scan interrupted", e);
        }
    }

    private void consider(Bundle bundle, Path jar) {
        Attempt last = attempts.get(bundle.getBundleId());
        boolean sameRevision = last != null && last.stamp() == bundle.getLastModified();
        int state = bundle.getState();
        if (state == Bundle.ACTIVE || state == Bundle.STARTING) {
            if (!sameRevision) {
                // updated in place: the framework restarts an active bundle after an update by itself
                started(bundle, jar);
            }
            return;
        }
        if (state == Bundle.UNINSTALLED || sameRevision && last.outcome() != Outcome.UNRESOLVED) {
            return; // stopped from the console, or its activator failed: until the jar changes
        }
        if (bundle.adapt(BundleStartLevel.class).getStartLevel()
                > context.getBundle(0).adapt(FrameworkStartLevel.class).getStartLevel()) {
            return; // still booting: a transient start would be refused; STARTLEVEL_CHANGED sweeps again
        }
        try {
            bundle.start(Bundle.START_TRANSIENT);
            started(bundle, jar);
        } catch (BundleException e) {
            failed(bundle, jar, last, e);
        }
    }

    private void started(Bundle bundle, Path jar) {
        attempts.put(bundle.getBundleId(), new Attempt(bundle.getLastModified(), Outcome.STARTED, null));
        LOG.info("Plugin {} started", PluginFolder.describe(jar, bundle));
        try {
            lastGood.save(bundle.getBundleId(), jar);
        } catch (IOException e) {
            LOG.warn("Plugin {}: cannot keep a copy to roll back to if an update fails: {}", jar.getFileName(), e.toString());
        }
    }

    private void failed(Bundle bundle, Path jar, Attempt last, BundleException failure) {
        long stamp = bundle.getLastModified();
        String reason = StartFailureReason.of(bundle, failure, context);
        Outcome outcome = failure.getType() == BundleException.RESOLVE_ERROR ? Outcome.UNRESOLVED : Outcome.FAILED;
        boolean anotherVersionRan = last != null && last.stamp() != stamp
                && (last.outcome() == Outcome.STARTED || last.outcome() == Outcome.ROLLED_BACK);
        String failedAs = PluginFolder.describe(jar, bundle);
        String consequence = "the server runs on without it";
        if (anotherVersionRan) {
            RollBack rollBack = rollBack(bundle);
            consequence = rollBack.consequence();
            if (rollBack.restored()) {
                // The bundle holds the previous jar now, whatever state a concurrent refresh has it in
                // this instant (Felix's refresh restarts it): its new stamp is what later sweeps compare
                // with, so none of them takes the restored version for a fresh update that started.
                outcome = Outcome.ROLLED_BACK;
                stamp = bundle.getLastModified();
            }
        }
        boolean reported = last != null && last.stamp() == stamp && reason.equals(last.reason());
        attempts.put(bundle.getBundleId(), new Attempt(stamp, outcome, reason));
        if (reported) {
            return;
        }
        if (failure.getType() == BundleException.RESOLVE_ERROR) {
            LOG.warn("Plugin {} not started: {}; {}", failedAs, reason, consequence);
        } else {
            LOG.warn("Plugin {} not started: {}; {}", failedAs, reason, consequence, failure);
        }
    }

    /** How a roll-back went: whether the previous jar is back in the bundle and running, and what to say. */
    record RollBack(boolean restored, String consequence) {
    }

    /** Puts the jar that last started back into the bundle and starts it; says how that went. */
    private RollBack rollBack(Bundle bundle) {
        try {
            Optional<InputStream> saved = lastGood.open(bundle.getBundleId());
            if (saved.isEmpty()) {
                return new RollBack(false, "no copy of the previous version to go back to");
            }
            try (InputStream in = saved.get()) {
                bundle.update(in);
            }
            bundle.start(Bundle.START_TRANSIENT);
            return new RollBack(true, "version " + bundle.getVersion() + " that ran before keeps running");
        } catch (IOException | BundleException e) {
            return new RollBack(false, "the previous version could not be restored either: "
                    + StartFailureReason.rootCause(e));
        }
    }

    private void forgetLastGood(long bundleId) {
        try {
            lastGood.forget(bundleId);
        } catch (IOException e) {
            LOG.debug("Cannot delete the saved copy of uninstalled plugin bundle {}", bundleId, e);
        }
    }
}
