package org.tavern.lobby.internal.lobby;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.identity.Accounts;
import org.tavern.lobby.internal.ban.StoredBans;
import org.tavern.lobby.internal.common.ServerControl;
import org.tavern.lobby.internal.history.GameArchive;
import org.tavern.lobby.internal.history.ReplayWriter;
import org.tavern.lobby.internal.metrics.Counters;
import org.tavern.lobby.internal.plugin.PluginCommands;
import org.tavern.lobby.internal.plugin.Plugins;

/**
 * What the lobby works with but does not own as state: the account store, the password checks,
 * the ban store, the game history, the replay writer, the plugins, the server's control and the
 * counters of /metrics. Some
 * come and go without restarting the lobby; each may be read from any actor.
 */
public final class LobbyServices {

    private static final Logger LOG = LoggerFactory.getLogger(LobbyServices.class);

    /** The account store, when one is registered. */
    private final AtomicReference<Accounts> accounts = new AtomicReference<>();
    private volatile PasswordLogin passwordLogin = new PasswordLogin(Runnable::run);
    /** Where the bans are made durable (the identity bundle's, when there). */
    private final StoredBans storedBans = new StoredBans();
    /** The game history (the identity bundle's game records, when there). */
    private final GameArchive gameArchive;
    /** Where played scenarios are saved; null unless {@code save_replays}. */
    private volatile ReplayWriter replays;
    /** Filters, rules and listeners of other bundles. */
    private volatile Plugins plugins = Plugins.none();
    /** Admin commands of other bundles, for /query. */
    private final PluginCommands pluginCommands = new PluginCommands();
    /** What shut_down and restart act on. */
    private volatile ServerControl control = ServerControl.NONE;
    /** Refused logins and relayed turns, for /metrics. */
    private final Counters counters = new Counters();

    LobbyServices(LongSupplier clock) {
        gameArchive = new GameArchive(clock);
    }

    /** The account store to ask from now on (any thread). */
    public void useAccounts(Accounts store) {
        accounts.set(store);
        LOG.info("Registered nicks are checked with {}", store);
    }

    /** The store went away: from now on every nick is unregistered, unless another one came first. */
    public void dropAccounts(Accounts store) {
        if (accounts.compareAndSet(store, null)) {
            LOG.info("No account store: every nick logs in unregistered");
        }
    }

    /** Null when the server has no account store. */
    public Accounts accounts() {
        return accounts.get();
    }

    /** Where the account store is asked (passwords are hashed there, never on the lobby actor). */
    public void usePasswordChecks(Executor checks) {
        passwordLogin = new PasswordLogin(checks);
    }

    public PasswordLogin passwordLogin() {
        return passwordLogin;
    }

    public StoredBans storedBans() {
        return storedBans;
    }

    public GameArchive gameArchive() {
        return gameArchive;
    }

    public void useReplays(ReplayWriter writer) {
        replays = writer;
    }

    public ReplayWriter replays() {
        return replays;
    }

    public void usePlugins(Plugins newPlugins) {
        plugins = newPlugins;
    }

    public Plugins plugins() {
        return plugins;
    }

    public PluginCommands pluginCommands() {
        return pluginCommands;
    }

    public void useServerControl(ServerControl serverControl) {
        control = serverControl;
    }

    public ServerControl serverControl() {
        return control;
    }

    public Counters counters() {
        return counters;
    }
}
