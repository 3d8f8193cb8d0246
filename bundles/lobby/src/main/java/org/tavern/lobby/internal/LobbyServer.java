package org.tavern.lobby.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.api.AdminCommand;
import org.tavern.identity.Accounts;
import org.tavern.identity.Bans;
import org.tavern.identity.GameRecords;
import org.tavern.lobby.internal.ban.BanFile;
import org.tavern.lobby.internal.ban.BanList;
import org.tavern.lobby.internal.common.LobbyConfig;
import org.tavern.lobby.internal.common.SerialExecutor;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.lobby.internal.history.ReplayWriter;
import org.tavern.lobby.internal.lobby.Lobby;
import org.tavern.lobby.internal.login.TorList;
import org.tavern.lobby.internal.plugin.PluginGuard;
import org.tavern.lobby.internal.plugin.PluginTrackers;
import org.tavern.lobby.internal.plugin.Plugins;
import org.tavern.lobby.internal.snapshot.SnapshotException;
import org.tavern.transport.Connection;
import org.tavern.transport.ConnectionHandler;
import org.tavern.wml.Document;

/**
 * The lobby as the transport's {@link ConnectionHandler}: every event is handed to the lobby actor
 * (a {@link SerialExecutor} that alone owns the lobby state), and games run as actors of their own on
 * the same thread pool ({@link LobbyExecutors} makes every thread). Configuration changes apply live.
 * It provides the running lobby as a {@link LobbyHandle} to this bundle's other components (the
 * directory, the plugin states, the built-in admin commands), which DS registers.
 */
@Component(service = {ConnectionHandler.class, LobbyHandle.class},
        configurationPid = {"tavern.servercfg.lobby", "tavern.lobby"}, immediate = true)
public class LobbyServer implements ConnectionHandler, LobbyHandle {

    private static final Logger LOG = LoggerFactory.getLogger(LobbyServer.class);

    /**
     * While players keep logging in, the lobby is told of them at most this often (see
     * Lobby.useLoginAnnouncementInterval): a login storm then costs one diff per member per
     * interval instead of one per login. Short enough that nobody sees the wait.
     */
    static final long LOGIN_ANNOUNCEMENT_INTERVAL_MILLIS = 10;

    private final LobbyExecutors executors = new LobbyExecutors();
    private final BundleContext context;
    /** The lobby actor's mailbox: a live upgrade waits for it to be idle. */
    private final SerialExecutor lobbyActor;
    private final Lobby lobby;
    private final Plugins plugins;
    private final PluginTrackers pluginTrackers;
    /** Other bundles' admin commands, followed as they come and go (never restarting the lobby). */
    private final ServiceTracker<AdminCommand, AdminCommand> pluginCommands;
    private ReplayWriter replays;
    /** wesnothd's ban_save_file, imported into the ban store once; null when none is set. */
    private volatile Path banFile;

    @Activate
    public LobbyServer(LobbyConfig config, Map<String, Object> properties, BundleContext context)
            throws SnapshotException {
        this.context = context;
        lobbyActor = new SerialExecutor(executors.actors, "lobby");
        lobby = LobbyAssembly.create(lobbyActor, executors.actors, System::currentTimeMillis, Settings.from(config));
        applyReplays(config);
        lobby.gameArchive().useExecutors(executors.storeWrites, executors.historySearches);
        lobby.storedBans().useExecutor(executors.storeWrites);
        banFile = BanFile.of(config.ban_save_file());
        // Until the ban store is bound (it imports the file), the file's bans apply, read-only.
        BanFile.Saved saved = BanFile.read(banFile);
        lobby.useBans(new BanList(saved.active(), saved.deleted()));
        lobby.useTorAddresses(TorList.read(config.tor_ip_list_path()));
        lobby.execute(() -> lobby.setDenyUnregistered(config.deny_unregistered_login()));
        lobby.useFailedLoginPolicy(config.failed_logins_limit(), config.failed_logins_ban());
        lobby.services().usePasswordChecks(executors.passwordChecks);
        lobby.services().useServerControl(new ProcessControl(context, executors.timer));
        lobby.useLoginAnnouncementInterval(LOGIN_ANNOUNCEMENT_INTERVAL_MILLIS);
        plugins = new Plugins(new PluginGuard(executors.pluginCalls, System::currentTimeMillis, limits(config)),
                executors.pluginEvents);
        lobby.services().usePlugins(plugins);
        pluginTrackers = new PluginTrackers(context, plugins);
        pluginCommands = new ServiceTracker<>(context, AdminCommand.class, null) {
            @Override
            public AdminCommand addingService(ServiceReference<AdminCommand> reference) {
                if (reference.getBundle() == context.getBundle()) {
                    return null; // the lobby's own commands are reached directly
                }
                AdminCommand command = context.getService(reference);
                if (command != null) {
                    lobby.pluginCommands().add(command,
                            !Boolean.TRUE.equals(reference.getProperty(AdminCommand.SERVER_COMMAND_PROPERTY)));
                    LOG.info("Admin command '{}' added by {}", command.name(), reference.getBundle().getSymbolicName());
                }
                return command;
            }

            @Override
            public void removedService(ServiceReference<AdminCommand> reference, AdminCommand command) {
                lobby.pluginCommands().remove(command);
                context.ungetService(reference);
            }
        };
        try {
            CoreHandover.takeOver(context, lobby); // during a live upgrade: before any connection is handed over
        } catch (SnapshotException | RuntimeException e) {
            executors.stopAll(); // the activation fails: nothing of this lobby may keep running
            synchronized (this) {
                if (replays != null) {
                    replays.close();
                }
            }
            throw e;
        }
        pluginCommands.open();
        pluginTrackers.open();
        LOG.info("Lobby ready; configuration {}", source(properties));
    }

    @Override
    public Lobby lobby() {
        return lobby;
    }

    @Override
    public Plugins plugins() {
        return plugins;
    }

    private static PluginGuard.Limits limits(LobbyConfig config) {
        return new PluginGuard.Limits(Math.max(1, config.plugin_call_budget_ms()), Math.max(1, config.plugin_max_failures()),
                Math.max(1, config.plugin_failure_window_s()) * 1000);
    }

    /**
     * The account store, optional and dynamic: registered nicks log in while it is there, and a store
     * that is replaced (reconfigured) is simply swapped, never restarting the lobby.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindAccounts")
    void bindAccounts(Accounts accounts) {
        lobby.services().useAccounts(accounts);
    }

    void unbindAccounts(Accounts accounts) {
        lobby.services().dropAccounts(accounts);
    }

    /**
     * The ban store, optional and dynamic: bound at start before the transport takes connections,
     * its bans are read here (and the ban file imported once) so no banned address slips in.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindBans")
    void bindBans(Bans bans) {
        lobby.banSync().useBanStore(bans, banFile);
    }

    void unbindBans(Bans bans) {
        lobby.banSync().dropBanStore(bans);
    }

    /** The game history, optional and dynamic as the account store. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindGameRecords")
    void bindGameRecords(GameRecords records) {
        lobby.gameArchive().useStore(records);
    }

    void unbindGameRecords(GameRecords records) {
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
        plugins.guard().useLimits(limits(config));
        LOG.info("Lobby configuration {}", source(properties));
    }

    /**
     * Where the settings came from: the configuration PIDs, the overriding one first (etc/tavern.lobby.cfg's,
     * then server.cfg's), or the built-in defaults.
     */
    private static String source(Map<String, Object> properties) {
        Object pid = properties.get("service.pid");
        if (pid instanceof String[] pids) {
            pid = List.of(pids);
        }
        if (pid instanceof Collection<?> pids) {
            List<String> names = new ArrayList<>(pids.stream().map(String::valueOf).toList());
            Collections.reverse(names);
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
        boolean handedOver = CoreHandover.handOver(context, lobby, lobbyActor); // first, while everything runs
        pluginCommands.close();
        pluginTrackers.close();
        executors.stopPlugins();
        executors.stopActors();
        lobby.banSync().stopWatching(); // the ban store, which stays, forgets this lobby
        // The games still running end with the server: their records say so (a kill leaves them to
        // the next start, which ends them as a restart). Handed over, they go on in the next lobby.
        if (!handedOver) {
            lobby.gameArchive().endAll();
        }
        executors.stopStore();
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
}
