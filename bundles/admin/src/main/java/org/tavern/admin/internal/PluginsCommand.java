package org.tavern.admin.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Gogo command {@code tavern:plugins}: the bundles hot-deployed from plugins/, with their state, so an
 * owner who dropped a jar in can see whether it started.
 */
@Component(
        service = PluginsCommand.class,
        property = {
            "osgi.command.scope=tavern",
            "osgi.command.function=plugins"
        })
public class PluginsCommand {

    private final BundleContext context;
    private final Path pluginsDir;

    @Activate
    public PluginsCommand(BundleContext context) {
        this.context = context;
        String home = context.getProperty("tavern.home");
        this.pluginsDir = Path.of(home != null ? home : ".").toAbsolutePath().normalize().resolve("plugins");
    }

    public String plugins(String... args) {
        if (args.length > 0) {
            return "usage: tavern:plugins\n  lists the bundles installed from " + pluginsDir + " with their state";
        }
        List<String> lines = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            Path file = fileOf(bundle);
            if (file != null && file.startsWith(pluginsDir)) {
                lines.add(String.format(Locale.ROOT, "%5d  %-11s %s %s  %s", bundle.getBundleId(),
                        stateName(bundle.getState()), bundle.getSymbolicName(), bundle.getVersion(),
                        file.getFileName()));
            }
        }
        if (lines.isEmpty()) {
            return "No plugins installed from " + pluginsDir + ".";
        }
        return "   ID  STATE       NAME VERSION  FILE\n" + String.join("\n", lines);
    }

    private static Path fileOf(Bundle bundle) {
        String location = bundle.getLocation();
        if (location == null || !location.startsWith("file:")) {
            return null;
        }
        try {
            return Path.of(URI.create(location)).toAbsolutePath().normalize();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    static String stateName(int state) {
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
