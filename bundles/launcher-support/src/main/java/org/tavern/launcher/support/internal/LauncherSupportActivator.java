package org.tavern.launcher.support.internal;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Launcher plumbing that DS cannot do, because it must be in place before any other bundle starts:
 * <ul>
 *   <li>jline (Gogo's terminal) finds its terminal providers through the thread context class loader,
 *   falling back to its own loader only when that is null. Under the bnd launcher the context loader
 *   is the application class loader, so an owner at a real terminal would always get a "dumb" shell
 *   with no line editing or completion. The shell bundle is therefore started with a null context
 *   class loader ({@link ShellClassLoaderFix}).</li>
 *   <li>the bnd launcher does not stop the framework when the JVM is asked to exit (SIGTERM, Ctrl-C),
 *   so components would never deactivate; {@link FrameworkShutdownHook} stops it in order.</li>
 *   <li>the heap a burst of logins grew is given back once the server is idle ({@link IdleHeapReturn}),
 *   which only a JVM-wide setting at start-up can do.</li>
 * </ul>
 * It starts at start level 1, before everything else.
 */
public final class LauncherSupportActivator implements BundleActivator {

    private FrameworkShutdownHook shutdownHook;
    private ShellClassLoaderFix shellFix;

    @Override
    public void start(BundleContext context) {
        shellFix = new ShellClassLoaderFix();
        context.addBundleListener(shellFix);
        shutdownHook = new FrameworkShutdownHook(context.getBundle(0));
        shutdownHook.install();
        IdleHeapReturn.apply(java.lang.management.ManagementFactory.getPlatformMBeanServer());
    }

    @Override
    public void stop(BundleContext context) {
        context.removeBundleListener(shellFix);
        shutdownHook.uninstall();
    }

    /** Clears the context class loader on the thread that is about to run the Gogo shell's activator. */
    static final class ShellClassLoaderFix implements SynchronousBundleListener {

        static final String SHELL_BUNDLE = "org.apache.felix.gogo.jline";

        @Override
        public void bundleChanged(BundleEvent event) {
            if (event.getType() == BundleEvent.STARTING
                    && SHELL_BUNDLE.equals(event.getBundle().getSymbolicName())) {
                Thread.currentThread().setContextClassLoader(null);
            }
        }
    }
}
