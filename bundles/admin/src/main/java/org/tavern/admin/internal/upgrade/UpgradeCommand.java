package org.tavern.admin.internal.upgrade;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.api.AdminCommand;
import org.tavern.api.CommandIssuer;
import org.tavern.api.Permission;
import org.tavern.transport.ConnectionHandler;
import org.tavern.transport.HandoverHolder;
import org.tavern.transport.Transport;

/**
 * The console's {@code upgrade [<jar>]}, an {@link AdminCommand} only the console may run (Gogo's
 * {@code tavern:upgrade}, the remote and SSH consoles, {@code bin/tavern upgrade}, the fifo):
 * replaces the running lobby bundle, with itself or with the jar given, while everyone stays
 * connected. The transport, the portal, keeps every socket
 * and holds what arrives; the old lobby writes its state into the transport's {@link HandoverHolder}
 * as it stops, the new one takes it over as it starts. A new lobby that does not start (it does not
 * resolve, its activation throws, it refuses the state) is replaced by the previous jar again, which
 * takes the same state over: the answer says why, in one line.
 *
 * <p>Not built yet: the other core bundles, a folder of jars.
 */
@Component(service = AdminCommand.class,
        property = {AdminCommand.SERVER_COMMAND_PROPERTY + ":Boolean=true", "tavern.command.name=upgrade"})
public class UpgradeCommand implements AdminCommand {

    private static final Logger LOG = LoggerFactory.getLogger(UpgradeCommand.class);
    static final String LOBBY = "tavern.lobby";
    /** How long the new lobby may take to start and take the connections. */
    private static final long START_DEADLINE_MILLIS = 30_000;

    private final BundleContext context;
    private final HandoverHolder holder;
    /** The jar each bundle last ran well from, when an upgrade installed one (else the distribution's). */
    private final Map<String, byte[]> lastGood = new ConcurrentHashMap<>();
    /** Upgrades run here, one at a time, never on the console's thread (an admin command must not block it). */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "tavern-upgrade");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public UpgradeCommand(BundleContext context, @Reference HandoverHolder holder) {
        this.context = context;
        this.holder = holder;
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    @Override
    public String name() {
        return "upgrade";
    }

    @Override
    public String usage() {
        return "upgrade [<jar>]  replaces the lobby bundle (with itself, or with the jar given) handing its state over;"
                + " nobody is disconnected; a lobby that does not start is rolled back";
    }

    /** The Gogo shell, the consoles and the fifo: replacing the server's code is not a moderator's business. */
    @Override
    public Permission permission() {
        return Permission.CONSOLE;
    }

    @Override
    public CompletionStage<String> execute(CommandIssuer issuer, String arguments) {
        String[] words = arguments.isBlank() ? new String[0] : arguments.strip().split("\\s+");
        return CompletableFuture.supplyAsync(() -> upgrade(words), worker);
    }

    /** The upgrade itself, on the caller's thread; its one-line answer. */
    String upgrade(String... args) {
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            return "usage: tavern:" + usage();
        }
        UpgradeJars.Jar given = null;
        if (args.length == 1) {
            try {
                given = UpgradeJars.read(Path.of(args[0]));
            } catch (IOException | RuntimeException e) {
                return "Upgrade refused: " + e.getMessage();
            }
            if (UpgradeJars.PORTAL.contains(given.symbolicName())) {
                return "Upgrade refused: " + given.symbolicName() + " is the portal, which holds the connections:"
                        + " it is updated only by a restart.";
            }
            if (!given.symbolicName().equals(LOBBY)) {
                return "Upgrade refused: " + given.symbolicName() + " is not a bundle tavern:upgrade replaces (so far: "
                        + LOBBY + ").";
            }
        }
        Bundle lobby = bundle(LOBBY);
        if (lobby == null) {
            return "Upgrade refused: no " + LOBBY + " bundle is installed.";
        }
        if (!holder.beginUpgrade()) {
            return (lobby.getState() & (Bundle.ACTIVE | Bundle.STARTING)) == 0
                    ? "Upgrade refused: " + LOBBY + " is stopped and its state waits for it: start it again first (start "
                            + lobby.getBundleId() + ")."
                    : "Upgrade refused: another upgrade is under way.";
        }
        try {
            return replace(lobby, given == null ? null : given.bytes());
        } finally {
            holder.endUpgrade();
        }
    }

    private String replace(Bundle bundle, byte[] given) {
        String name = bundle.getSymbolicName();
        byte[] previous = lastGood.get(name);
        if (previous == null) {
            try {
                previous = UpgradeJars.distributionJarOf(bundle);
            } catch (IOException e) {
                return "Upgrade failed: " + name + " could not be replaced: " + e.getMessage();
            }
        }
        byte[] next = given != null ? given : previous;
        long start = System.nanoTime();
        Optional<Duration> gapBefore = handlerGap();
        String failure = install(bundle, next);
        if (failure == null) {
            // the transport's gap, from the old handler going to the new one bound; a gap object the same
            // as before means no new one was measured (no transport), and then the whole update counts
            Optional<Duration> gap = handlerGap();
            long pause = gap.isPresent() && gap.get() != gapBefore.orElse(null) ? gap.get().toMillis()
                    : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            lastGood.put(name, next);
            String result = "Upgraded " + name + " " + bundle.getVersion() + " (bundle " + bundle.getBundleId() + "): "
                    + (holder.kept().isPresent() ? openConnections() + " connections carried over"
                            : "its state was not handed over (see the log)")
                    + ", pause " + pause + " ms";
            LOG.info(result);
            return result;
        }
        LOG.error("Upgrade of {} failed ({}); rolling back to the jar that ran before", name, failure);
        String rollBack = install(bundle, previous);
        String result = rollBack == null
                ? "Upgrade failed, rolled back: " + failure + "; " + openConnections() + " connections carried over"
                : "Upgrade failed: " + failure + "; the roll-back failed too: " + rollBack;
        LOG.warn(result);
        return result;
    }

    /** Updates the bundle from the jar and waits for its connection handler; null, or why it did not start. */
    private String install(Bundle bundle, byte[] jar) {
        try {
            // stops it (it hands its state over), installs the jar, starts it again (it takes the state over)
            bundle.update(new ByteArrayInputStream(jar));
            if ((bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) == 0) {
                bundle.start(); // a start that failed before left it stopped
            }
        } catch (BundleException | RuntimeException e) {
            return firstLine(e.getMessage());
        }
        return awaitHandlerOf(bundle);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }

    /**
     * Polls (bounded) until the updated bundle's connection handler is registered; null then, else
     * why not (it stopped, a component of it failed to activate, the time ran out).
     */
    private String awaitHandlerOf(Bundle bundle) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_DEADLINE_MILLIS);
        while (System.nanoTime() < deadline) {
            if (registersHandler(bundle)) {
                return null;
            }
            if ((bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) == 0) {
                return "the new " + bundle.getSymbolicName() + " stopped";
            }
            String failed = failedComponent(bundle);
            if (failed != null) {
                return failed;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        return "the new " + bundle.getSymbolicName() + " did not take the connections within "
                + START_DEADLINE_MILLIS / 1000 + " s (see the log)";
    }

    private static boolean registersHandler(Bundle bundle) {
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        if (registered != null) {
            for (ServiceReference<?> reference : registered) {
                for (String type : (String[]) reference.getProperty("objectClass")) {
                    if (type.equals(ConnectionHandler.class.getName())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A component of the bundle whose activation threw (a state it refused, say), as one line; or null. */
    private String failedComponent(Bundle bundle) {
        return fromService(ServiceComponentRuntime.class, runtime -> {
            for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs(bundle)) {
                for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                    if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        return "component " + description.name + " failed to activate: "
                                + firstLine(configuration.failure == null ? null : configuration.failure.strip());
                    }
                }
            }
            return null;
        }, null);
    }

    private Optional<Duration> handlerGap() {
        return fromService(Transport.class, Transport::lastHandlerGap, Optional.empty());
    }

    private int openConnections() {
        return fromService(Transport.class, transport -> transport.connections().size(), 0);
    }

    /** {@code query} asked of the service of {@code type}, or {@code absent} when there is none. */
    private <S, T> T fromService(Class<S> type, java.util.function.Function<S, T> query, T absent) {
        ServiceReference<S> reference = context.getServiceReference(type);
        S service = reference == null ? null : context.getService(reference);
        if (service == null) {
            return absent;
        }
        try {
            return query.apply(service);
        } finally {
            context.ungetService(reference);
        }
    }
}
