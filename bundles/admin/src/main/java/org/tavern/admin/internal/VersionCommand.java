package org.tavern.admin.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Gogo command {@code tavern:version}: which Tavern is running and which wesnothd protocol it speaks.
 */
@Component(
        service = VersionCommand.class,
        property = {
            "osgi.command.scope=tavern",
            "osgi.command.function=version"
        })
public class VersionCommand {

    /** The wesnothd release whose protocol Tavern implements. */
    static final String PROTOCOL_VERSION = "1.16.9";

    private final String tavernVersion;

    @Activate
    public VersionCommand(BundleContext context) {
        this(context.getBundle().getVersion().toString());
    }

    VersionCommand(String tavernVersion) {
        this.tavernVersion = tavernVersion;
    }

    public String version(String... args) {
        if (args.length > 0) {
            return "usage: tavern:version\n  prints the Tavern version and the wesnothd protocol version it serves";
        }
        return "Tavern " + tavernVersion + " (wesnothd " + PROTOCOL_VERSION + " protocol)";
    }
}
