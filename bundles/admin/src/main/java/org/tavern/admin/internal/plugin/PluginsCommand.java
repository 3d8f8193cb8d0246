package org.tavern.admin.internal.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tavern.api.PluginState;
import org.tavern.api.PluginStates;

/**
 * Gogo command {@code tavern:plugins}: the bundles hot-deployed from plugins/, with their OSGi state
 * and, under each, the filters, rules and listeners the lobby calls from it with their counters and
 * whether they were switched off, so an owner who dropped a jar in can see whether it started and
 * whether it still works.
 */
// named as before it moved to its own package: the component name and any default PID stay
@Component(name = "org.tavern.admin.internal.PluginsCommand",
        service = PluginsCommand.class,
        property = {
            "osgi.command.scope=tavern",
            "osgi.command.function=plugins"
        })
public class PluginsCommand {

    private final BundleContext context;
    private final PluginFolder folder;
    private final PluginStarter starter;

    /** The lobby's view of its plugins; absent while the lobby is not running. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PluginStates states;

    @Activate
    public PluginsCommand(BundleContext context, @Reference PluginStarter starter) {
        this.context = context;
        this.folder = PluginFolder.of(context);
        this.starter = starter;
    }

    public String plugins(String... args) {
        if (args.length > 0) {
            return "usage: tavern:plugins\n  lists the bundles installed from " + folder.dir + " with their state";
        }
        List<InstalledPlugin> installed = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            Path file = folder.jarOf(bundle);
            if (file != null) {
                installed.add(new InstalledPlugin(bundle.getBundleId(), stateName(bundle.getState()),
                        bundle.getSymbolicName(), bundle.getVersion().toString(), file.getFileName().toString(),
                        starter.problemOf(bundle.getBundleId()).orElse(null)));
            }
        }
        if (installed.isEmpty()) {
            return "No plugins installed from " + folder.dir + ".";
        }
        PluginStates lobby = states;
        return table(installed, lobby == null ? null : lobby.plugins());
    }

    /** A bundle installed from plugins/, as listed; {@code problem} says why it does not run its jar (null if it does). */
    record InstalledPlugin(long bundleId, String state, String symbolicName, String version, String file, String problem) {
    }

    /**
     * The listing: one line per bundle, then one per service of it the lobby calls ({@code lobbyStates}
     * null: the lobby is not running, which is said once).
     */
    static String table(List<InstalledPlugin> installed, List<PluginState> lobbyStates) {
        List<String> lines = new ArrayList<>();
        lines.add("   ID  STATE       NAME VERSION  FILE");
        for (InstalledPlugin bundle : installed) {
            lines.add(String.format(Locale.ROOT, "%5d  %-11s %s %s  %s", bundle.bundleId(), bundle.state(),
                    bundle.symbolicName(), bundle.version(), bundle.file()));
            if (bundle.problem() != null) {
                lines.add("         " + bundle.problem());
            }
            if (lobbyStates == null) {
                continue;
            }
            for (PluginState plugin : lobbyStates) {
                if (plugin.bundleId() == bundle.bundleId()) {
                    lines.add(String.format(Locale.ROOT, "         %-8s %-12s %d calls, %d failures  %s", plugin.role(),
                            plugin.switchedOff() ? "SWITCHED-OFF" : "active", plugin.calls(), plugin.failures(),
                            plugin.name()));
                }
            }
        }
        if (lobbyStates == null) {
            lines.add("(the lobby is not running: no filter, rule or listener state)");
        }
        return String.join("\n", lines);
    }

    /** Fragments are never active: they are part of their host. */
    public static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get("Fragment-Host") != null;
    }

    public static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "UNKNOWN(" + state + ")";
        };
    }
}
