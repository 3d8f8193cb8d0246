package org.tavern.lobby.internal.plugin;

import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.api.GameRule;
import org.tavern.api.LobbyListener;
import org.tavern.api.MessageFilter;

/**
 * Follows the plugins' filter, rule and listener services as they come, change ranking and go, and
 * keeps {@link Plugins} up to date; the lobby is never restarted for it (trackers, not DS references
 * of the lobby component, so no plugin can deactivate it).
 */
public final class PluginTrackers {

    private static final Logger LOG = LoggerFactory.getLogger(PluginTrackers.class);

    private final List<ServiceTracker<?, ?>> trackers;

    public PluginTrackers(BundleContext context, Plugins plugins) {
        trackers = List.of(
                new Tracker<>(context, MessageFilter.class, "filter", plugins, plugins::addFilter),
                new Tracker<>(context, GameRule.class, "rule", plugins, plugins::addRule),
                new Tracker<>(context, LobbyListener.class, "listener", plugins, plugins::addListener));
    }

    public void open() {
        trackers.forEach(ServiceTracker::open);
    }

    public void close() {
        trackers.forEach(ServiceTracker::close);
    }

    /** The logged name: the bundle's symbolic name, then the plugin's own name or its component's. */
    static String nameOf(ServiceReference<?> reference, Object service) {
        Object own = reference.getProperty(MessageFilter.NAME);
        Object component = reference.getProperty("component.name");
        String bundle = reference.getBundle() == null ? "?" : reference.getBundle().getSymbolicName();
        String plugin = own != null ? own.toString()
                : component != null ? component.toString() : service.getClass().getName();
        return bundle + "/" + plugin;
    }

    private static final class Tracker<T> extends ServiceTracker<T, GuardedPlugin<T>> {
        private final String role;
        private final Plugins plugins;
        private final java.util.function.Consumer<GuardedPlugin<T>> adder;

        Tracker(BundleContext context, Class<T> type, String role, Plugins plugins,
                java.util.function.Consumer<GuardedPlugin<T>> adder) {
            super(context, type, null);
            this.role = role;
            this.plugins = plugins;
            this.adder = adder;
        }

        @Override
        public GuardedPlugin<T> addingService(ServiceReference<T> reference) {
            T service = context.getService(reference);
            if (service == null) {
                LOG.warn("A {} service of {} could not be got; it is not used", role, reference.getBundle());
                return null;
            }
            GuardedPlugin<T> plugin = guarded(reference, service);
            adder.accept(plugin);
            return plugin;
        }

        /** A new ranking takes its place in the order; its failure count starts afresh. */
        @Override
        public void modifiedService(ServiceReference<T> reference, GuardedPlugin<T> plugin) {
            plugins.remove(plugin.serviceId);
            adder.accept(guarded(reference, plugin.service));
        }

        @Override
        public void removedService(ServiceReference<T> reference, GuardedPlugin<T> plugin) {
            plugins.remove(plugin.serviceId);
            LOG.info("Plugin {} {} removed", plugin.role, plugin.name);
            context.ungetService(reference);
        }

        private GuardedPlugin<T> guarded(ServiceReference<T> reference, T service) {
            Object ranking = reference.getProperty(Constants.SERVICE_RANKING);
            return new GuardedPlugin<>(role, nameOf(reference, service), service,
                    ranking instanceof Integer value ? value : 0, (Long) reference.getProperty(Constants.SERVICE_ID),
                    reference.getBundle() == null ? 0 : reference.getBundle().getBundleId());
        }
    }
}
