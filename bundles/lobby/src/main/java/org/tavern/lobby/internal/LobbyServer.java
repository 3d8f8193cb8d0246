package org.tavern.lobby.internal;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.lobby.internal.admin.ModeratorCommand;
import org.tavern.lobby.internal.admin.ModeratorCommands;
import org.tavern.lobby.internal.ban.BanFile;
import org.tavern.lobby.internal.ban.BanList;
import org.tavern.lobby.internal.common.LobbyConfig;
import org.tavern.lobby.internal.common.SerialExecutor;
import org.tavern.lobby.internal.common.ServerControl;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.lobby.internal.history.ReplayWriter;
import org.tavern.lobby.internal.lobby.Lobby;
import org.tavern.lobby.internal.login.TorList;
import org.tavern.lobby.internal.plugin.PluginGuard;
import org.tavern.lobby.internal.plugin.PluginStatusCommand;
import org.tavern.lobby.internal.plugin.PluginTrackers;
import org.tavern.lobby.internal.plugin.Plugins;
import org.tavern.transport.Connection;
import org.tavern.transport.ConnectionHandler;
import org.tavern.wml.Document;

/**
 * The lobby as the transport's {@link ConnectionHandler}: every event is handed to the lobby actor
 * (a {@link SerialExecutor} that alone owns the lobby state), and games run as actors of their own on
 * the same thread pool. Configuration changes apply live.
 */
@Component(service = ConnectionHandler.class, configurationPid = {"tavern.servercfg.lobby", "tavern.lobby"},
        immediate = true)
public class LobbyServer implements ConnectionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LobbyServer.class);

    /** Threads shared by the lobby's actor and every game's actor. */
    private final ExecutorService pool;
    private final Lobby lobby;
    private ReplayWriter replays;

    /** Services registered in the lobby's name: the directory and each built-in admin command. */
    private final java.util.List<org.osgi.framework.ServiceRegistration<?>> registrations = new java.util.ArrayList<>();
    private final java.util.concurrent.ScheduledExecutorService timer;
    /**
     * While players keep logging in, the lobby is told of them at most this often (see
     * Lobby.useLoginAnnouncementInterval): a login storm then costs one diff per member per
     * interval instead of one per login. Short enough that nobody sees the wait.
     */
    static final long LOGIN_ANNOUNCEMENT_INTERVAL_MILLIS = 10;
    private final org.osgi.framework.BundleContext context;

    @Activate
    public LobbyServer(LobbyConfig config, Map<String, Object> properties, org.osgi.framework.BundleContext context) {
        AtomicInteger threads = new AtomicInteger();
        pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
            Thread thread = new Thread(runnable, "tavern-actors-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.context = context;
        lobby = LobbyAssembly.create(new SerialExecutor(pool, "lobby"), pool, System::currentTimeMillis, Settings.from(config));
        applyReplays(config);
        storeWrites = new java.util.concurrent.ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new java.util.concurrent.ArrayBlockingQueue<>(STORE_WRITE_QUEUE), daemonThreads("tavern-store-writes-"));
        historySearches = new java.util.concurrent.ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new java.util.concurrent.ArrayBlockingQueue<>(HISTORY_SEARCH_QUEUE), daemonThreads("tavern-history-"));
        lobby.gameArchive().useExecutors(storeWrites, historySearches);
        lobby.storedBans().useExecutor(storeWrites);
        banFile = BanFile.of(config.ban_save_file());
        // Until the ban store is bound (it imports the file), the file's bans apply, read-only.
        BanFile.Saved saved = BanFile.read(banFile);
        lobby.useBans(new BanList(saved.active(), saved.deleted()));
        lobby.useTorAddresses(TorList.read(config.tor_ip_list_path()));
        lobby.execute(() -> lobby.setDenyUnregistered(config.deny_unregistered_login()));
        lobby.useFailedLoginPolicy(config.failed_logins_limit(), config.failed_logins_ban());
        AtomicInteger checkers = new AtomicInteger();
        passwordChecks = new java.util.concurrent.ThreadPoolExecutor(PASSWORD_THREADS, PASSWORD_THREADS, 30,
                TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(PASSWORD_QUEUE), runnable -> {
                    Thread thread = new Thread(runnable, "tavern-password-" + checkers.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        passwordChecks.allowCoreThreadTimeOut(true);
        lobby.services().usePasswordChecks(passwordChecks);
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tavern-lobby-timer");
            thread.setDaemon(true);
            return thread;
        });
        lobby.services().useServerControl(new ProcessControl());
        lobby.useLoginAnnouncementInterval(LOGIN_ANNOUNCEMENT_INTERVAL_MILLIS);
        pluginCalls = new java.util.concurrent.ThreadPoolExecutor(2, 4, 30, TimeUnit.SECONDS,
                new java.util.concurrent.ArrayBlockingQueue<>(64), daemonThreads("tavern-plugin-call-"));
        pluginEvents = new java.util.concurrent.ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new java.util.concurrent.ArrayBlockingQueue<>(10_000), daemonThreads("tavern-plugin-events-"));
        Plugins plugins = new Plugins(new PluginGuard(pluginCalls, System::currentTimeMillis, limits(config)),
                pluginEvents);
        lobby.services().usePlugins(plugins);
        pluginTrackers = new PluginTrackers(context, plugins);
        java.util.Hashtable<String, Object> statusProperties = new java.util.Hashtable<>();
        statusProperties.put("tavern.command.name", "pluginstatus");
        registrations.add(context.registerService(org.tavern.api.AdminCommand.class,
                new PluginStatusCommand(plugins), statusProperties));
        registrations.add(context.registerService(org.tavern.api.PluginStates.class,
                (org.tavern.api.PluginStates) plugins::states, null));
        registrations.add(context.registerService(org.tavern.api.LobbyDirectory.class,
                new LobbyDirectoryService(lobby), null));
        for (ModeratorCommand command : ModeratorCommands.builtIn()) {
            java.util.Hashtable<String, Object> serviceProperties = new java.util.Hashtable<>();
            serviceProperties.put("tavern.command.name", command.names().get(0));
            registrations.add(context.registerService(org.tavern.api.AdminCommand.class,
                    new ModeratorCommandService(lobby, command), serviceProperties));
        }
        pluginCommands = new org.osgi.util.tracker.ServiceTracker<>(context, org.tavern.api.AdminCommand.class, null) {
            @Override
            public org.tavern.api.AdminCommand addingService(
                    org.osgi.framework.ServiceReference<org.tavern.api.AdminCommand> reference) {
                if (reference.getBundle() == context.getBundle()) {
                    return null; // the lobby's own commands are reached directly
                }
                org.tavern.api.AdminCommand command = context.getService(reference);
                if (command != null) {
                    lobby.pluginCommands().add(command);
                    LOG.info("Admin command '{}' added by {}", command.name(), reference.getBundle().getSymbolicName());
                }
                return command;
            }

            @Override
            public void removedService(org.osgi.framework.ServiceReference<org.tavern.api.AdminCommand> reference,
                    org.tavern.api.AdminCommand command) {
                lobby.pluginCommands().remove(command);
                context.ungetService(reference);
            }
        };
        pluginCommands.open();
        pluginTrackers.open();
        LOG.info("Lobby ready; configuration {}", source(properties));
    }

    /**
     * The store's writes (game records, bans): one thread, so each is written in the order it was
     * made, and a bounded queue; a full queue costs a record, never a stalled actor.
     */
    private static final int STORE_WRITE_QUEUE = 1024;
    private static final int HISTORY_SEARCH_QUEUE = 64;
    private final java.util.concurrent.ThreadPoolExecutor storeWrites;
    private final java.util.concurrent.ThreadPoolExecutor historySearches;
    /** wesnothd's ban_save_file, imported into the ban store once; null when none is set. */
    private volatile java.nio.file.Path banFile;

    /** Threads plugin calls run on (so a call can be given up on), and the one lobby listeners hear events on. */
    private final java.util.concurrent.ThreadPoolExecutor pluginCalls;
    private final java.util.concurrent.ThreadPoolExecutor pluginEvents;
    private final PluginTrackers pluginTrackers;

    private static PluginGuard.Limits limits(LobbyConfig config) {
        return new PluginGuard.Limits(Math.max(1, config.plugin_call_budget_ms()), Math.max(1, config.plugin_max_failures()),
                Math.max(1, config.plugin_failure_window_s()) * 1000);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Other bundles' admin commands, followed as they come and go (never restarting the lobby). */
    private final org.osgi.util.tracker.ServiceTracker<org.tavern.api.AdminCommand, org.tavern.api.AdminCommand>
            pluginCommands;

    /** shut_down and restart acting on this process. */
    private final class ProcessControl implements ServerControl {

        /**
         * The transport is looked up when needed, not referenced: it references this component (its
         * connection handler), and a reference back would make the two wait on each other at start.
         */
        @Override
        public void stopAccepting() {
            org.osgi.framework.ServiceReference<org.tavern.transport.Transport> reference =
                    context.getServiceReference(org.tavern.transport.Transport.class);
            org.tavern.transport.Transport transport = reference == null ? null : context.getService(reference);
            if (transport == null) {
                LOG.warn("No transport to stop accepting connections");
                return;
            }
            try {
                transport.stopAccepting();
            } finally {
                context.ungetService(reference);
            }
        }

        @Override
        public void schedule(long delayMillis, Runnable task) {
            try {
                timer.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                LOG.debug("Lobby stopping; a scheduled task was dropped");
            }
        }

        @Override
        public void startNewServer(String command) {
            try {
                new ProcessBuilder("/bin/sh", "-c", command)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
            } catch (java.io.IOException e) {
                LOG.error("restart_command '{}' could not be started", command, e);
            }
        }

        @Override
        public void exit(String reason) {
            // System.exit runs the launcher's shutdown hook, which stops every bundle cleanly (the
            // transport flushes and closes connections) before the JVM ends with status 0. It must not
            // run on the lobby actor, which the bundles' stop waits for.
            Thread exiting = new Thread(() -> {
                LOG.warn("Server exiting: {}", reason);
                System.exit(0);
            }, "tavern-exit");
            exiting.start();
        }
    }

    /**
     * Password hashing (Argon2) takes tens of milliseconds and memory: two threads at most, and a
     * bounded queue, so a login flood is refused ("try again later") instead of piling up.
     */
    private static final int PASSWORD_THREADS = 2;
    private static final int PASSWORD_QUEUE = 256;
    private final java.util.concurrent.ThreadPoolExecutor passwordChecks;

    /**
     * The account store, optional and dynamic: registered nicks log in while it is there, and a store
     * that is replaced (reconfigured) is simply swapped, never restarting the lobby.
     */
    @org.osgi.service.component.annotations.Reference(
            cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY,
            unbind = "unbindAccounts")
    void bindAccounts(org.tavern.identity.Accounts accounts) {
        lobby.services().useAccounts(accounts);
    }

    void unbindAccounts(org.tavern.identity.Accounts accounts) {
        lobby.services().dropAccounts(accounts);
    }

    /**
     * The ban store, optional and dynamic: bound at start before the transport takes connections,
     * its bans are read here (and the ban file imported once) so no banned address slips in.
     */
    @org.osgi.service.component.annotations.Reference(
            cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY,
            unbind = "unbindBans")
    void bindBans(org.tavern.identity.Bans bans) {
        lobby.useBanStore(bans, banFile);
    }

    void unbindBans(org.tavern.identity.Bans bans) {
        lobby.dropBanStore(bans);
    }

    /** The game history, optional and dynamic as the account store. */
    @org.osgi.service.component.annotations.Reference(
            cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY,
            unbind = "unbindGameRecords")
    void bindGameRecords(org.tavern.identity.GameRecords records) {
        lobby.gameArchive().useStore(records);
    }

    void unbindGameRecords(org.tavern.identity.GameRecords records) {
        lobby.gameArchive().dropStore(records);
    }

    @Modified
    void modified(LobbyConfig config, Map<String, Object> properties) {
        lobby.updateSettings(Settings.from(config));
        lobby.useTorAddresses(TorList.read(config.tor_ip_list_path()));
        lobby.useFailedLoginPolicy(config.failed_logins_limit(), config.failed_logins_ban());
        // as wesnothd re-reads it on SIGHUP: the file's value replaces what dul set at run time
        lobby.execute(() -> lobby.setDenyUnregistered(config.deny_unregistered_login()));
        applyReplays(config);
        banFile = BanFile.of(config.ban_save_file());
        lobby.plugins().guard().useLimits(limits(config));
        LOG.info("Lobby configuration {}", source(properties));
    }

    /**
     * Where the settings came from: the configuration PIDs (server.cfg's, then etc/tavern.lobby.cfg's,
     * which overrides it key by key), or the built-in defaults.
     */
    private static String source(Map<String, Object> properties) {
        Object pid = properties.get("service.pid");
        // the overriding configuration first: etc/<pid>.cfg's, then server.cfg's
        if (pid instanceof String[] pids) {
            pid = String.join(", ", reversed(pids));
        } else if (pid instanceof java.util.Collection<?> pids) {
            java.util.List<String> names = new java.util.ArrayList<>(pids.stream().map(String::valueOf).toList());
            java.util.Collections.reverse(names);
            pid = String.join(", ", names);
        }
        return pid != null && !pid.toString().isEmpty() ? "applied from " + pid : "defaults";
    }

    /** A replay folder relative to the server's home, as wesnothd's is relative to where it runs. */
    private synchronized void applyReplays(LobbyConfig config) {
        ReplayWriter old = replays;
        String prefix = config.replay_save_path();
        String home = System.getProperty("tavern.home");
        if (home != null && !prefix.startsWith("/")) {
            prefix = home + "/" + prefix;
        }
        replays = config.save_replays() ? new ReplayWriter(prefix) : null;
        lobby.services().useReplays(replays);
        if (old != null) {
            old.close();
        }
        if (replays != null) {
            LOG.info("Replays are saved with the prefix {}", prefix);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        pluginCommands.close();
        pluginTrackers.close();
        pluginCalls.shutdownNow();
        pluginEvents.shutdownNow();
        for (org.osgi.framework.ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping bundle's services itself
            }
        }
        timer.shutdownNow();
        passwordChecks.shutdownNow();
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("Lobby and game actors did not finish their queues within 10 s");
            pool.shutdownNow();
        }
        // The games still running end with the server: their records say so (a kill leaves them to
        // the next start, which ends them as a restart).
        lobby.gameArchive().endAll();
        historySearches.shutdownNow();
        storeWrites.shutdown();
        if (!storeWrites.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("Store writes still waiting after 10 s; given up");
            storeWrites.shutdownNow();
        }
        synchronized (this) {
            if (replays != null) {
                replays.close();
            }
        }
    }

    @Override
    public void connected(Connection connection) {
        lobby.connected(connection);
    }

    @Override
    public void received(Connection connection, Document document) {
        lobby.received(connection, document);
    }

    @Override
    public void disconnected(Connection connection, String reason) {
        lobby.disconnected(connection, reason);
    }

    private static java.util.List<String> reversed(String[] pids) {
        java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of(pids));
        java.util.Collections.reverse(names);
        return names;
    }
}
