package org.tavern.admin.internal.upgrade;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.transport.ConnectionHandler;
import org.tavern.transport.HandoverHolder;
import org.tavern.transport.Transport;

/**
 * Gogo command {@code tavern:upgrade}: replaces the running lobby bundle with itself from the
 * distribution while everyone stays connected (a full state handover round trip). The transport,
 * the portal, keeps every socket and holds what arrives; the old lobby writes its state into the
 * transport's {@link HandoverHolder} as it stops, the new one takes it over as it starts.
 *
 * <p>Not built yet: other core bundles, jars given as arguments, rolling back a failed upgrade.
 */
@Component(
        service = UpgradeCommand.class,
        property = {
            "osgi.command.scope=tavern",
            "osgi.command.function=upgrade"
        })
public class UpgradeCommand {

    private static final Logger LOG = LoggerFactory.getLogger(UpgradeCommand.class);
    static final String LOBBY = "tavern.lobby";
    /** How long the new lobby may take to start and take the connections. */
    private static final long START_DEADLINE_MILLIS = 30_000;

    private final BundleContext context;
    private final HandoverHolder holder;

    @Activate
    public UpgradeCommand(BundleContext context, @Reference HandoverHolder holder) {
        this.context = context;
        this.holder = holder;
    }

    public String upgrade(String... args) {
        if (args.length > 0) {
            return "usage: tavern:upgrade\n  replaces the lobby bundle with itself from the distribution, handing its"
                    + " state (players, games, histories) over; nobody is disconnected";
        }
        Bundle lobby = bundle(LOBBY);
        if (lobby == null) {
            return "Upgrade refused: no " + LOBBY + " bundle is installed.";
        }
        if (!holder.beginUpgrade()) {
            return "Upgrade refused: another upgrade is under way.";
        }
        try {
            return replace(lobby);
        } finally {
            holder.endUpgrade();
        }
    }

    private String replace(Bundle lobby) {
        long start = System.nanoTime();
        try (InputStream jar = jarOf(lobby)) {
            lobby.update(jar); // stops it (it hands its state over), installs the jar, starts it (it takes over)
        } catch (IOException | BundleException | RuntimeException e) {
            LOG.error("Upgrade of {} failed", LOBBY, e);
            return "Upgrade failed: " + LOBBY + " could not be replaced: " + e.getMessage();
        }
        boolean handedOver = holder.kept().isPresent();
        if (!awaitHandlerOf(lobby)) {
            return "Upgrade failed: the new " + LOBBY + " did not take the connections within "
                    + START_DEADLINE_MILLIS / 1000 + " s (see the log).";
        }
        long pauseMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        int connections = openConnections();
        String result = "Upgraded " + LOBBY + " " + lobby.getVersion() + " (bundle " + lobby.getBundleId() + "): "
                + (handedOver ? connections + " connections carried over" : "its state was not handed over (see the log)")
                + ", pause " + pauseMillis + " ms";
        LOG.info(result);
        return result;
    }

    /**
     * The bundle's jar as the distribution holds it: its location when that is a URL, else the
     * launcher's class path entry of that name (the executable jar keeps its bundles under jar/).
     */
    private static InputStream jarOf(Bundle bundle) throws IOException {
        String location = bundle.getLocation();
        try {
            return new URL(location).openStream();
        } catch (MalformedURLException e) {
            InputStream embedded = ClassLoader.getSystemClassLoader().getResourceAsStream(location);
            if (embedded == null) {
                throw new IOException("its jar (" + location + ") is not in the distribution");
            }
            return embedded;
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }

    /** Polls (bounded) until the updated bundle's connection handler is registered. */
    private boolean awaitHandlerOf(Bundle lobby) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_DEADLINE_MILLIS);
        while (System.nanoTime() < deadline) {
            ServiceReference<?>[] registered = lobby.getRegisteredServices();
            if (registered != null) {
                for (ServiceReference<?> reference : registered) {
                    for (String type : (String[]) reference.getProperty("objectClass")) {
                        if (type.equals(ConnectionHandler.class.getName())) {
                            return true;
                        }
                    }
                }
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private int openConnections() {
        ServiceReference<Transport> reference = context.getServiceReference(Transport.class);
        Transport transport = reference == null ? null : context.getService(reference);
        try {
            return transport == null ? 0 : transport.connections().size();
        } finally {
            if (transport != null) {
                context.ungetService(reference);
            }
        }
    }
}
