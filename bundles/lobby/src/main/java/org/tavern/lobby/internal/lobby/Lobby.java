package org.tavern.lobby.internal.lobby;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.tavern.api.CommandIssuer;
import org.tavern.identity.Accounts;
import org.tavern.lobby.internal.ban.BanList;
import org.tavern.lobby.internal.ban.FailedLogins;
import org.tavern.lobby.internal.ban.IpLog;
import org.tavern.lobby.internal.ban.StoredBans;
import org.tavern.lobby.internal.common.ServerControl;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.lobby.internal.common.VersionLine;
import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.history.GameArchive;
import org.tavern.lobby.internal.history.ReplayWriter;
import org.tavern.lobby.internal.plugin.PluginCommands;
import org.tavern.lobby.internal.plugin.Plugins;
import org.tavern.transport.Connection;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * The lobby actor: connections come and go, documents are dispatched, players log in and out. Its
 * state is a {@link LobbyState}, owned by one serial executor: transport threads only submit work
 * to it, so nothing here is locked, and sending (which only queues bytes) happens on the actor too.
 * The parts of its work live beside it ({@link Admission}, {@link BanSync}, {@link AdminReplies},
 * {@link LoginAnnouncer}, {@link GameLifecycle}, {@link Shutdown}); what commands may do is the
 * narrow {@link PlayerContext}, {@link QueryContext}, {@link AdminContext} and {@link LoginContext}.
 */
public final class Lobby implements PlayerContext, AdminContext, LoginContext {

    /** More than a client ever sends before its login is answered (it sends none). */
    public static final int MAX_HELD_DOCUMENTS = 64;

    /** Runs the lobby's tasks, each after the logins handled before it were announced ({@link PendingLogins}):
     *  whatever a task sends to the lobby comes after those diffs. */
    private final Executor actor;
    /** The actor's own mailbox, for the steps of a login, which join the pending announcement. */
    private final Executor mailbox;
    private final LongSupplier clock;
    private final LobbyState state;
    private final LobbyServices services;
    private final Sessions sessions;
    private final BanSync banSync;
    private final AdminReplies adminReplies = new AdminReplies();
    private final LoginAnnouncer announcer;
    private final GameLifecycle games;
    private final Shutdown shutdown;
    private final Membership membership;
    private volatile Settings settings;

    /**
     * {@code actor} runs the lobby's own tasks; {@code pool} runs the games' actors; {@code login}
     * takes connections until they are logged in; the commands take what logged-in players send.
     */
    public Lobby(Executor actor, Executor pool, LongSupplier clock, Settings settings,
            Function<Lobby, LoginHandler> login, Function<Lobby, List<LobbyCommand>> firstMatchCommands,
            List<LobbyCommand> lobbyCommands) {
        this.mailbox = actor;
        this.clock = clock;
        this.settings = settings;
        this.state = new LobbyState(clock.getAsLong());
        this.announcer = new LoginAnnouncer(this, state, mailbox);
        this.actor = task -> actor.execute(() -> {
            announcer.announce();
            task.run();
        });
        this.services = new LobbyServices(clock);
        this.banSync = new BanSync(state, services.storedBans(), this.actor, clock);
        this.membership = new Membership(this, state, announcer);
        this.games = new GameLifecycle(this, state, pool);
        this.shutdown = new Shutdown(this, state);
        this.sessions = new Sessions(this, state, mailbox, announcer, login.apply(this),
                firstMatchCommands.apply(this), lobbyCommands);
    }

    /** Its state to a snapshot and back, for a live upgrade. */
    public LobbyHandover handover() {
        return new LobbyHandover(this, state, games, membership);
    }

    /** The services the lobby works with, for the wiring to set as they come and go. */
    public LobbyServices services() {
        return services;
    }

    // ------------------------------------------------------------------ events from the transport

    public void connected(Connection connection) {
        sessions.connected(connection);
    }

    public void received(Connection connection, Document document) {
        sessions.received(connection, document);
    }

    public void disconnected(Connection connection, String reason) {
        actor.execute(() -> membership.forget(connection, reason));
    }

    @Override
    public void holdDocuments(Connection connection) {
        sessions.holdDocuments(connection);
    }

    @Override
    public void releaseDocuments(Connection connection) {
        sessions.releaseDocuments(connection);
    }

    // ------------------------------------------------------------------ membership

    @Override
    public void join(User user, Runnable welcome) {
        membership.join(user, welcome);
    }

    @Override
    public void kick(User user, String reason) {
        membership.kick(user, reason);
    }

    @Override
    public void sendAway(User user, String notice, String reason) {
        membership.sendAway(user, notice, reason);
    }

    @Override
    public void setModerator(User user, boolean moderator) {
        membership.setModerator(user, moderator);
    }

    @Override
    public void alertEveryone(String text) {
        membership.alertEveryone(text);
    }

    Membership membership() {
        return membership;
    }

    void afterReply(Runnable task) {
        adminReplies.afterReply(task);
    }

    void shutdownWhenEmptyFor(long seconds) {
        shutdown.whenEmptyFor(seconds);
    }

    // ------------------------------------------------------------------ the actor

    /** Runs a task on the lobby actor (games report to the lobby this way). */
    @Override
    public void execute(Runnable task) {
        actor.execute(task);
    }

    @Override
    public void executeLoginStep(Runnable task) {
        mailbox.execute(task);
    }

    // ------------------------------------------------------------------ games, admin commands, shutdown

    @Override
    public void createGame(User host, Node createGame) {
        games.createGame(host, createGame);
    }

    @Override
    public void joinGame(User user, int gameId, boolean observe, String password) {
        games.join(user, gameId, observe, password);
    }

    @Override
    public void runAdminCommand(Supplier<String> command, Consumer<String> reply) {
        adminReplies.run(command, reply);
    }

    @Override
    public Consumer<String> deferReply() {
        return adminReplies.deferReply();
    }

    @Override
    public Consumer<String> deferReplyInOrder(CommandIssuer issuer) {
        return adminReplies.deferReplyInOrder(issuer.console() ? null : state.users.get(issuer.name()), sessions);
    }

    @Override
    public void shutDownNow(String reason) {
        shutdown.now(reason);
    }

    @Override
    public void shutDownGracefully(CommandIssuer issuer, String notice) {
        shutdown.gracefully(issuer, notice);
    }

    @Override
    public void restart(CommandIssuer issuer, String command, String notice) {
        shutdown.restart(issuer, command, notice);
    }

    // ------------------------------------------------------------------ the services, set by the wiring

    public void useFailedLoginPolicy(int limit, int banSeconds) {
        actor.execute(() -> state.failedLogins.configure(limit, banSeconds));
    }

    public void useTorAddresses(Set<String> addresses) {
        execute(() -> state.torAddresses = addresses);
    }

    /** The ban list to use from now on. */
    public void useBans(BanList list) {
        actor.execute(() -> state.bans = list);
    }

    /** The ban store's bans, for the wiring to bind and unbind the store. */
    public BanSync banSync() {
        return banSync;
    }

    public void useLoginAnnouncementInterval(long millis) {
        actor.execute(() -> announcer.useInterval(millis));
    }

    @Override
    public void updateSettings(Settings newSettings) {
        settings = newSettings;
        execute(() -> state.ipLog.setMaxSize(newSettings.maxIpLogSize()));
    }

    // ------------------------------------------------------------------ what the contexts read

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public long nowMillis() {
        return clock.getAsLong();
    }

    @Override
    public Accounts accounts() {
        return services.accounts();
    }

    @Override
    public PasswordLogin passwordLogin() {
        return services.passwordLogin();
    }

    @Override
    public StoredBans storedBans() {
        return services.storedBans();
    }

    public GameArchive gameArchive() {
        return services.gameArchive();
    }

    public ReplayWriter replays() {
        return services.replays();
    }

    @Override
    public Plugins plugins() {
        return services.plugins();
    }

    @Override
    public PluginCommands pluginCommands() {
        return services.pluginCommands();
    }

    ServerControl serverControl() {
        return services.serverControl();
    }

    @Override
    public FailedLogins failedLogins() {
        return state.failedLogins;
    }

    @Override
    public BanList bans() {
        return state.bans;
    }

    @Override
    public boolean denyUnregistered() {
        return state.denyUnregistered;
    }

    @Override
    public void setDenyUnregistered(boolean deny) {
        state.denyUnregistered = deny;
    }

    @Override
    public boolean shuttingDown() {
        return state.shuttingDown;
    }

    @Override
    public IpLog ipLog() {
        return state.ipLog;
    }

    @Override
    public LobbyStatistics statistics() {
        return state.statistics;
    }

    @Override
    public LobbyList list(User user) {
        return state.lineOf(user).list;
    }

    /** The version lines that have players now, oldest first. */
    public List<VersionLine> lines() {
        return new ArrayList<>(state.lines.keySet());
    }

    @Override
    public List<org.tavern.api.LineFigures> lineFigures() {
        return state.lineFigures();
    }

    /** The list of a line's lobby; null when the line has nobody. */
    public LobbyList list(VersionLine line) {
        return state.listOf(line);
    }

    @Override
    public boolean awaitingLogin(Connection connection) {
        return sessions.awaitingLogin(connection);
    }

    @Override
    public User user(String name) {
        return state.users.get(name);
    }

    @Override
    public boolean isLoggedIn(String name) {
        return state.users.containsKey(name);
    }

    @Override
    public List<User> users() {
        return new ArrayList<>(state.users.values());
    }

    @Override
    public List<User> lobbyUsers() {
        return state.users.values().stream().filter(User::inLobby).toList();
    }

    @Override
    public int userCount() {
        return state.users.size();
    }

    @Override
    public int gameCount() {
        return state.games.size();
    }

    /** The games in creation order. */
    public List<Game> games() {
        return state.gamesInOrder();
    }

    @Override
    public Game game(int id) {
        return state.games.get(id);
    }

    @Override
    public String listStatistics(User user) {
        return state.listStatistics(user);
    }
}
