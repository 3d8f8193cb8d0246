package org.tavern.lobby.internal.lobby;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.transport.Connection;
import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;
import org.tavern.wml.Node;
import org.tavern.lobby.internal.ban.BanList;
import org.tavern.lobby.internal.command.CreateGameCommand;
import org.tavern.lobby.internal.login.FailedLogins;
import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.history.GameArchive;
import org.tavern.lobby.internal.command.JoinCommand;
import org.tavern.lobby.internal.command.LobbyChatCommand;
import org.tavern.lobby.internal.command.LobbyCommand;
import org.tavern.lobby.internal.command.LobbyGameHistoryCommand;
import org.tavern.lobby.internal.LobbyDirectoryService;
import org.tavern.lobby.internal.admin.LobbyMessageCommand;
import org.tavern.lobby.internal.login.LoginFlow;
import org.tavern.lobby.internal.admin.ModeratorCommand;
import org.tavern.lobby.internal.command.NickservCommand;
import org.tavern.lobby.internal.login.PasswordLogin;
import org.tavern.lobby.internal.plugin.PluginCommands;
import org.tavern.lobby.internal.plugin.Plugins;
import org.tavern.lobby.internal.command.QueryCommand;
import org.tavern.lobby.internal.command.RefreshLobbyCommand;
import org.tavern.lobby.internal.history.ReplayWriter;
import org.tavern.lobby.internal.common.ServerControl;
import org.tavern.lobby.internal.common.ServerMessages;
import org.tavern.lobby.internal.common.VersionLine;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.lobby.internal.ban.StoredBans;
import org.tavern.lobby.internal.command.WhisperCommand;

/**
 * The lobby: who is connected and logged in, and the list every lobby client mirrors. All of its
 * state is owned by one serial executor (an actor): transport threads only submit work to it, so
 * nothing here is locked, and sending (which only queues bytes) happens on the actor too.
 */
public final class Lobby {

    private static final Logger LOG = LoggerFactory.getLogger(Lobby.class);

    /** What the server knows about a connection before and after login. */
    private static final class Session {
        final Connection connection;
        String clientVersion;
        User user;
        /**
         * Documents that came while the account store checked this connection's login, handled in
         * order once it has answered (null when no check is running).
         */
        java.util.ArrayDeque<Document> held;

        Session(Connection connection) {
            this.connection = connection;
        }
    }

    private static final Document VERSION_REQUEST = ServerMessages.empty("version");

    /**
     * Runs the lobby's tasks, each after the logins handled before it were announced (see
     * {@link PendingLogins}): whatever a task sends to the lobby comes after those diffs.
     */
    private final Executor actor;
    /** The actor's own mailbox, for the steps of a login, which join the pending announcement. */
    private final Executor mailbox;
    private final PendingLogins pendingLogins = new PendingLogins();
    private final Executor pool;
    private final Map<Integer, Game> games = new HashMap<>();
    /** How many games ended for each reason, sorted by reason as wesnothd lists them. */
    private final Map<String, Integer> endings = new java.util.TreeMap<>();
    private int lastGameId;
    private final LongSupplier clock;
    private final Map<Long, Session> sessions = new HashMap<>();
    private final Map<String, User> usersByName = new LinkedHashMap<>();
    private final OnlinePlayers online = new OnlinePlayers();
    private BanList bans = new BanList();
    /** Where the bans are made durable (the identity bundle's, when there). */
    private final StoredBans storedBans = new StoredBans();
    private final LobbyList list = new LobbyList();
    private final List<LobbyCommand> firstMatchCommands;
    private final Map<String, LobbyCommand> lobbyCommands = new HashMap<>();
    private final LoginFlow login = new LoginFlow(this);
    private volatile Settings settings;
    /** Where played scenarios are saved; null unless {@code save_replays} (read by game actors). */
    private volatile ReplayWriter replays;
    private final long startMillis;
    private long requestsServiced;

    public Lobby(Executor actor, LongSupplier clock, Settings settings) {
        this(actor, actor, clock, settings);
    }

    /** {@code actor} runs the lobby's own tasks; {@code pool} runs the games' actors. */
    public Lobby(Executor actor, Executor pool, LongSupplier clock, Settings settings) {
        this.mailbox = actor;
        this.actor = task -> actor.execute(() -> {
            announceLogins();
            task.run();
        });
        this.pool = pool;
        this.clock = clock;
        this.settings = settings;
        this.startMillis = clock.getAsLong();
        this.gameArchive = new GameArchive(clock);
        // wesnothd's dispatch: the first of these a document contains is handled, and nothing else.
        this.firstMatchCommands = List.of(new RefreshLobbyCommand(), new WhisperCommand(), new QueryCommand(),
                new NickservCommand());
        for (LobbyCommand command : List.of(new LobbyChatCommand(), new CreateGameCommand(), new JoinCommand(),
                new LobbyGameHistoryCommand())) {
            lobbyCommands.put(command.tag(), command);
        }
    }

    // ------------------------------------------------------------------ events from the transport

    public void connected(Connection connection) {
        mailbox.execute(() -> { // a connection that is not logged in sees nothing of the lobby yet
            if (refusedAsBanned(connection) || refusedAsTooMany(connection)) {
                return;
            }
            sessions.put(connection.id(), new Session(connection));
            connection.send(VERSION_REQUEST);
        });
    }

    /** Addresses refused as wesnothd's {@code tor_ip_list_path} lists them (lobby actor only). */
    private java.util.Set<String> torAddresses = java.util.Set.of();

    public void useTorAddresses(java.util.Set<String> addresses) {
        execute(() -> torAddresses = addresses);
    }

    /** A banned address is told why and for how long, then closed, before anything else (as wesnothd). */
    private boolean refusedAsBanned(Connection connection) {
        if (torAddresses.contains(connection.remoteIp())) {
            connection.send(ServerMessages.error("You are banned. Reason: TOR IP"));
            connection.close("TOR IP");
            LOG.info("Refused {}: listed as a TOR address", connection.remoteIp());
            return true;
        }
        if (bans.expire(nowMillis())) {
            storedBans.expire(nowMillis());
        }
        BanList.Ban ban = bans.find(connection.remoteIp());
        if (ban == null) {
            return false;
        }
        // Whole seconds, as wesnothd counts them (a 5 minute ban shows 5 minutes right after it is set).
        long remainingSeconds = ban.endMillis() / 1000 - nowMillis() / 1000;
        String remaining = ban.permanent() ? "permanent" : QueryCommand.span(remainingSeconds * 1000);
        connection.send(ServerMessages.error("You are banned. Reason: " + ban.reason()
                + (ban.nick().isEmpty() ? "" : " (" + ban.nick() + ")") + " (Remaining ban duration: " + remaining + ")"));
        connection.close("banned");
        LOG.info("Refused {}: banned ({})", connection.remoteIp(), ban.reason());
        return true;
    }

    /**
     * wesnothd's {@code connections_allowed}: counted on players already logged in from that address,
     * when a connection arrives (connections still logging in do not count).
     */
    private boolean refusedAsTooMany(Connection connection) {
        int allowed = settings.connectionsAllowed();
        if (allowed <= 0) {
            return false;
        }
        String address = connection.remoteIp();
        long loggedIn = usersByName.values().stream().filter(u -> u.connection.remoteIp().equals(address)).count();
        if (loggedIn < allowed) {
            return false;
        }
        connection.send(ServerMessages.error("Too many connections from your IP."));
        connection.close("too many connections from " + address);
        LOG.info("Refused {}: {} players already logged in from there", address, loggedIn);
        return true;
    }

    // ------------------------------------------------------------------ registered nicks

    /** The account store, when one is registered (it comes and goes without restarting the lobby). */
    private final java.util.concurrent.atomic.AtomicReference<org.tavern.identity.Accounts> accounts =
            new java.util.concurrent.atomic.AtomicReference<>();
    private volatile PasswordLogin passwordLogin = new PasswordLogin(Runnable::run);
    private final FailedLogins failedLogins = new FailedLogins();

    /** The account store to ask from now on (any thread). */
    public void useAccounts(org.tavern.identity.Accounts store) {
        accounts.set(store);
        LOG.info("Registered nicks are checked with {}", store);
    }

    /** The store went away: from now on every nick is unregistered, unless another one came first. */
    public void dropAccounts(org.tavern.identity.Accounts store) {
        if (accounts.compareAndSet(store, null)) {
            LOG.info("No account store: every nick logs in unregistered");
        }
    }

    /** Null when the server has no account store. */
    public org.tavern.identity.Accounts accounts() {
        return accounts.get();
    }

    /** Where the account store is asked (passwords are hashed there, never on the lobby actor). */
    public void usePasswordChecks(java.util.concurrent.Executor checks) {
        passwordLogin = new PasswordLogin(checks);
    }

    public PasswordLogin passwordLogin() {
        return passwordLogin;
    }

    /** Lobby actor only. */
    public FailedLogins failedLogins() {
        return failedLogins;
    }

    public void useFailedLoginPolicy(int limit, int banSeconds) {
        actor.execute(() -> failedLogins.configure(limit, banSeconds));
    }

    /** Whether the connection is still open and not yet logged in (lobby actor). */
    public boolean awaitingLogin(Connection connection) {
        Session session = sessions.get(connection.id());
        return session != null && session.user == null;
    }

    /** Removes a player at once (wesnothd's kick), his connection told why and closed. */
    public void kick(User user, String reason) {
        user.connection.send(ServerMessages.error("You have been kicked. Reason: " + reason));
        forget(user.connection, reason);
        user.connection.close(reason);
    }

    /** The ban list to use from now on (read by the lobby actor only). */
    public void useBans(BanList list) {
        actor.execute(() -> bans = list);
    }

    /** Lobby actor only. */
    public BanList bans() {
        return bans;
    }

    public StoredBans storedBans() {
        return storedBans;
    }

    /**
     * Bans are kept in {@code store} from now on. Its bans are read here, on the caller's thread
     * (where the service is bound: at start, before connections are taken), after importing
     * {@code banFile} once; the lobby then holds them, and the bans it held that the store lacks.
     */
    public void useBanStore(org.tavern.identity.Bans store, java.nio.file.Path banFile) {
        StoredBans.Loaded loaded = StoredBans.load(store, banFile, nowMillis());
        actor.execute(() -> {
            List<BanList.Ban> unsaved = new ArrayList<>();
            if (loaded != null) {
                bans = loaded.mergedWith(bans.bans(), unsaved, nowMillis());
            }
            storedBans.useStore(store);
            watchOtherServersBans(store);
            if (!unsaved.isEmpty()) {
                storedBans.add(unsaved, failure -> {
                    if (failure != null) {
                        LOG.error("{} bans set while the ban store was away could not be saved: {}", unsaved.size(),
                                failure);
                    }
                });
            }
        });
    }

    public void dropBanStore(org.tavern.identity.Bans store) {
        storedBans.dropStore(store);
        actor.execute(() -> {
            if (banWatch != null && banWatchOf == store) {
                closeBanWatch();
            }
        });
    }

    /** Lobby actor only: the subscription to other servers' ban changes, and the store it is on. */
    private AutoCloseable banWatch;
    private org.tavern.identity.Bans banWatchOf;

    /** Lobby actor: servers sharing the store's database see each other's bans without a restart. */
    private void watchOtherServersBans(org.tavern.identity.Bans store) {
        closeBanWatch();
        try {
            banWatch = store.watchOtherServers(() -> actor.execute(this::rereadBans));
            banWatchOf = store;
        } catch (RuntimeException e) {
            LOG.warn("Cannot follow other servers' bans in {}: {}", store, e.toString());
        }
    }

    private void closeBanWatch() {
        if (banWatch != null) {
            try {
                banWatch.close();
            } catch (Exception e) {
                LOG.debug("Closing the ban watch: {}", e.toString());
            }
            banWatch = null;
            banWatchOf = null;
        }
    }

    /**
     * Lobby actor: takes the store's bans as the lobby's, once the re-read includes every change this
     * server made; if this server changed its bans meanwhile, reads again (they are rare).
     */
    private void rereadBans() {
        long before = storedBans.changes();
        storedBans.reread(nowMillis(), loaded -> actor.execute(() -> {
            if (storedBans.changes() != before) {
                rereadBans();
                return;
            }
            bans = new BanList(loaded.active(), loaded.deleted());
            LOG.info("Bans read again after another server's change: {} in force", loaded.active().size());
        }));
    }

    /**
     * For the running admin command, whose answer waits for the store: the returned consumer sends it
     * (on the lobby actor), then runs what the command left to do after its reply ({@link #sendAway}).
     * Until then the documents of a player who issued it wait, so whatever he asks next is answered
     * after all that, in order (the console waits for each answer itself).
     */
    public java.util.function.Consumer<String> deferReplyInOrder(org.tavern.api.CommandIssuer issuer) {
        java.util.function.Consumer<String> reply = deferReply();
        User user = issuer.console() ? null : usersByName.get(issuer.name());
        if (user != null) {
            holdDocuments(user.connection);
        }
        return text -> {
            reply.accept(text);
            runAfterReply();
            if (user != null) {
                releaseDocuments(user.connection);
            }
        };
    }

    public void received(Connection connection, Document document) {
        mailbox.execute(() -> {
            Session session = sessions.get(connection.id());
            if (session == null) {
                return;
            }
            if (session.user != null) {
                announceLogins(); // only a login (or its version) may join the pending announcement
            }
            if (session.held != null) {
                if (session.held.size() >= MAX_HELD_DOCUMENTS) {
                    LOG.warn("{} sent {} documents while its login was checked; closing it", connection,
                            session.held.size());
                    connection.close("too many documents while logging in");
                    return;
                }
                session.held.add(document);
                return;
            }
            handle(session, document);
        });
    }

    /** More than a client ever sends before its login is answered (it sends none). */
    public static final int MAX_HELD_DOCUMENTS = 64;

    private void handle(Session session, Document document) {
        requestsServiced++;
        try {
            dispatch(session, document);
        } catch (RuntimeException e) {
            LOG.error("Failed to handle a document from {} ({}); closing it", session.connection,
                    session.user != null ? session.user.name : "not logged in", e);
            session.connection.close("internal error");
        }
    }

    /** The account store is checking this connection's login: what it sends meanwhile waits. */
    public void holdDocuments(Connection connection) {
        Session session = sessions.get(connection.id());
        if (session != null && session.held == null) {
            session.held = new java.util.ArrayDeque<>();
        }
    }

    /** The check is over: the documents that waited are handled in order (one may start a new check). */
    public void releaseDocuments(Connection connection) {
        Session session = sessions.get(connection.id());
        if (session == null || session.held == null) {
            return;
        }
        java.util.ArrayDeque<Document> waiting = session.held;
        session.held = null;
        if (!waiting.isEmpty()) {
            announceLogins(); // what he sent while checked must not reach the lobby before his login
        }
        while (!waiting.isEmpty() && sessions.get(connection.id()) == session) {
            handle(session, waiting.poll());
            if (session.held != null) {
                session.held.addAll(waiting); // a new check started: the rest waits for it
                return;
            }
        }
    }

    public void disconnected(Connection connection, String reason) {
        actor.execute(() -> forget(connection, reason));
    }

    /**
     * An administrator sent a player away: right after the command's reply, he leaves the lobby and
     * his game at once, as wesnothd removes him, and his connection closes (its later close event
     * finds nothing left to do).
     */
    public void sendAway(User user, String notice, String reason) {
        user.connection.send(ServerMessages.error(notice));
        afterReply.add(() -> {
            forget(user.connection, reason);
            user.connection.close(reason);
        });
    }

    /** Where the running admin command's answer goes, and whether the command answers later itself. */
    private java.util.function.Consumer<String> replyChannel;
    private boolean replyDeferred;

    /**
     * Runs an administrator command (lobby actor): its answer goes to {@code reply}, then what it left
     * to do runs; a command that must wait for another actor answers later through {@link #deferReply}.
     */
    public void runAdminCommand(ModeratorCommand command, org.tavern.api.CommandIssuer issuer, String arguments,
            java.util.function.Consumer<String> reply) {
        replyChannel = reply;
        replyDeferred = false;
        String text;
        try {
            text = command.execute(this, issuer, arguments);
        } finally {
            replyChannel = null;
        }
        if (!replyDeferred) {
            reply.accept(text);
        }
        runAfterReply();
    }

    /** For the running admin command: its answer is sent later, through what this returns. */
    public java.util.function.Consumer<String> deferReply() {
        if (replyChannel == null) {
            throw new IllegalStateException("no admin command is running");
        }
        replyDeferred = true;
        return replyChannel;
    }

    /** What a command left to do once its reply is sent (lobby actor only). */
    private final List<Runnable> afterReply = new ArrayList<>();

    void runAfterReply() {
        List<Runnable> tasks = new ArrayList<>(afterReply);
        afterReply.clear();
        tasks.forEach(Runnable::run);
    }

    private void forget(Connection connection, String reason) {
        Session session = sessions.remove(connection.id());
        if (session != null && session.user != null) {
            User user = session.user;
            logout(user, reason);
            Game game = games.get(user.gameId);
            if (game != null) {
                game.execute(() -> game.disconnected(user.name));
            }
        }
    }

    public void updateSettings(Settings newSettings) {
        settings = newSettings;
        execute(() -> ipLog.setMaxSize(newSettings.maxIpLogSize()));
    }

    /** Filters, rules and listeners of other bundles (read by every actor). */
    private volatile Plugins plugins = Plugins.none();

    public void usePlugins(Plugins newPlugins) {
        plugins = newPlugins;
    }

    public Plugins plugins() {
        return plugins;
    }

    /** Admin commands of other bundles, for /query. */
    private final PluginCommands pluginCommands = new PluginCommands();

    public PluginCommands pluginCommands() {
        return pluginCommands;
    }

    /** Logins for searchlog (lobby actor only). */
    private final IpLog ipLog = new IpLog();

    public IpLog ipLog() {
        return ipLog;
    }

    /** wesnothd's request sampling frequency ({@code sample <n>}); Tavern keeps no samples. */
    private int sampleFrequency = 1;

    public int sampleFrequency() {
        return sampleFrequency;
    }

    public void setSampleFrequency(int frequency) {
        sampleFrequency = frequency;
    }

    /** The game history (the identity bundle's game records, when there). */
    private final GameArchive gameArchive;

    public GameArchive gameArchive() {
        return gameArchive;
    }

    public void useReplays(ReplayWriter writer) {
        replays = writer;
    }

    public ReplayWriter replays() {
        return replays;
    }

    // ------------------------------------------------------------------ dispatch

    private void dispatch(Session session, Document document) {
        Node root = document.root();
        if (session.user == null) {
            if (session.clientVersion == null) {
                session.clientVersion = login.version(session.connection, root);
            } else {
                login.login(session.connection, session.clientVersion, root, user -> session.user = user);
            }
            return;
        }
        User user = session.user;
        for (LobbyCommand command : firstMatchCommands) {
            Node element = root.child(command.tag());
            if (element != null) {
                Game game = games.get(user.gameId);
                if (game == null) {
                    command.handle(this, user, element);
                } else {
                    // Whatever this player asked of his game before is done first: the reply must not
                    // overtake the game's answers (both actors write to the same connection).
                    game.execute(() -> execute(() -> command.handle(this, user, element)));
                }
                return;
            }
        }
        if (user.inLobby()) {
            for (Node element : root.children()) {
                LobbyCommand command = lobbyCommands.get(element.name());
                if (command != null) {
                    command.handle(this, user, element);
                    return;
                }
            }
        } else {
            Game game = games.get(user.gameId);
            if (game != null) {
                String name = user.name;
                game.execute(() -> game.received(name, document));
                return;
            }
        }
        // Anything else (ping, leave_game in the lobby, unknown tags) is ignored, as wesnothd does.
        if (LOG.isDebugEnabled()) {
            LOG.debug("Ignored a document from {}: {}", user.name,
                    root.children().stream().map(Node::name).toList());
        }
    }

    // ------------------------------------------------------------------ membership

    /**
     * Adds a logged-in user. The rest of the lobby is told, and he gets his {@code welcome}, once
     * the logins waiting in the mailbox with his are handled too: one diff for all of them.
     */
    public void join(User user, Runnable welcome) {
        usersByName.put(user.name, user);
        ipLog.loggedIn(user.name, user.connection.remoteIp(), nowMillis());
        online.put(user);
        if (pendingLogins.add(list, user, welcome)) {
            scheduleAnnouncement();
        }
        // Players in games hear of it too, in their game's form; the client parses this exact sentence.
        String notice = user.name + " has logged into the lobby";
        for (Game game : games.values()) {
            game.execute(() -> game.announce(notice));
        }
        LOG.info("{} logged in from {} with {}", user.name, user.connection.remoteIp(), user.clientVersion);
        org.tavern.api.PlayerInfo player = LobbyDirectoryService.info(user);
        plugins.tell("the login of " + user.name, listener -> listener.loggedIn(player));
    }

    /** Sends the pending logins' diff and welcomes (lobby actor). */
    private void announceLogins() {
        if (!pendingLogins.isEmpty()) {
            pendingLogins.announce((frame, newcomers) -> broadcastToLobbyExcept(frame, newcomers, null));
            lastAnnouncedNanos = System.nanoTime();
        }
    }

    /**
     * While logins keep coming, they are announced at most once per interval: every lobby member
     * gets one diff per interval, however many logged in meanwhile, instead of one per login (a
     * login's fan-out to the members was most of its cost in a storm). A login after a quiet
     * interval is announced at once (after the tasks already waiting, logins among them). Anything
     * else the lobby does announces the pending logins first, so the delay never reorders what
     * members see. 0: no interval. The waits end on the {@link ServerControl}'s timer, so set one
     * that schedules before an interval (lobby actor).
     */
    private long announceIntervalNanos;
    private long lastAnnouncedNanos = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

    public void useLoginAnnouncementInterval(long millis) {
        actor.execute(() -> announceIntervalNanos = TimeUnit.MILLISECONDS.toNanos(millis));
    }

    private void scheduleAnnouncement() {
        long waitNanos = lastAnnouncedNanos + announceIntervalNanos - System.nanoTime();
        if (waitNanos <= 0) {
            mailbox.execute(this::announceLogins);
        } else {
            long waitMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999));
            control.schedule(waitMillis, () -> mailbox.execute(this::announceLogins));
        }
    }

    /** Runs a step of a login on the actor, without announcing the pending logins first. */
    public void executeLoginStep(Runnable task) {
        mailbox.execute(task);
    }

    private void logout(User user, String reason) {
        usersByName.remove(user.name);
        if (usersByName.isEmpty() && settings.lanServerSeconds() > 0) {
            long seconds = settings.lanServerSeconds();
            control.schedule(seconds * 1000, () -> execute(() -> {
                if (usersByName.isEmpty()) {
                    shutDownNow("lan_server: nobody logged in for " + seconds + " s");
                }
            }));
        }
        ipLog.loggedOut(user.name, user.connection.remoteIp(), nowMillis());
        online.remove(user.name);
        Document diff = list.removeUser(user);
        if (diff != null) {
            broadcastToLobby(EncodedFrame.of(diff), user);
        }
        LOG.info("{} left ({})", user.name, reason);
        String name = user.name;
        plugins.tell("the logout of " + name, listener -> listener.loggedOut(name, reason));
    }

    void broadcastToLobby(EncodedFrame frame, User except) {
        for (User other : usersByName.values()) {
            if (other != except && other.inLobby()) {
                other.connection.send(frame);
            }
        }
    }

    // ------------------------------------------------------------------ games

    /** Runs a task on the lobby actor (games report to the lobby this way). */
    public void execute(Runnable task) {
        actor.execute(task);
    }

    /** {@code [create_game]}: the game exists, the host is in it; nothing is shown until the level. */
    public void createGame(User host, Node createGame) {
        int id = ++lastGameId;
        Game game = new Game(id, pool, this, createGame, new Game.Member(host.name, host.connection),
                VersionLine.of(host.clientVersion));
        games.put(id, game);
        host.gameId = id;
        host.location = game.name;
        host.status = "playing";
        LOG.info("{} created game {} '{}'", host.name, id, game.name);
        game.execute(() -> {
            org.tavern.api.GameInfo info = game.info();
            plugins.tell("the creation of game " + id, listener -> listener.gameCreated(info));
        });
    }

    /** The host sent a valid level: the game and its host's new state appear in the lobby. */
    public void gameVisible(Game game, Document description, String hostName) {
        User host = usersByName.get(hostName);
        if (host == null || host.gameId != game.id) {
            return; // the host left while the level was being read; the game will report its end
        }
        host.location = game.name; // a game rule may have renamed it
        Document diff = list.addGame(game.id, description.root().child("game"), host);
        broadcastToLobby(EncodedFrame.of(diff), null);
    }

    /**
     * A game ended: each member still online returns to the lobby (the lobby hears of each), the game
     * leaves the list, and each returning member gets {@code [leave_game]} and the whole list.
     */
    public void gameEnded(Game game, List<String> memberNames, boolean wasVisible, String hostError, String reason,
            String leaveReason) {
        games.remove(game.id);
        endings.merge(reason, 1, Integer::sum);
        List<User> returning = new ArrayList<>();
        for (String name : memberNames) {
            User user = usersByName.get(name);
            if (user != null && user.gameId == game.id) {
                user.gameId = 0;
                user.location = "";
                user.status = "lobby";
                Document diff = list.changeUser(user);
                if (diff != null) {
                    broadcastToLobbyExcept(EncodedFrame.of(diff), returning, user);
                }
                returning.add(user);
            }
        }
        Document leave = ServerMessages.empty("leave_game");
        boolean stopped = leaveReason != null;
        if (stopped && !leaveReason.isEmpty()) {
            leave.root().child("leave_game").set("reason", leaveReason);
        }
        EncodedFrame leaveFrame = EncodedFrame.of(leave);
        if (stopped) {
            // stopgame, as wesnothd's delete_game: the members get the list while it still shows the game,
            // and its removal with everyone else in the lobby
            sendBack(returning, leaveFrame, hostError);
        }
        Document removal = wasVisible ? list.removeGame(game.id) : null;
        if (removal != null) {
            broadcastToLobby(EncodedFrame.of(removal), null);
        }
        if (!stopped) {
            sendBack(returning, leaveFrame, hostError);
        }
        LOG.info("Game {} '{}' ended", game.id, game.name);
        plugins.tell("the end of game " + game.id, listener -> listener.gameEnded(game.id, game.name, reason));
    }

    /** Members of an ended game: {@code [leave_game]}, the whole list, and the host's error if any. */
    private void sendBack(List<User> returning, EncodedFrame leaveFrame, String hostError) {
        for (User user : returning) {
            user.connection.send(leaveFrame);
            user.connection.send(list.full());
            if (hostError != null) {
                user.connection.send(ServerMessages.message(hostError, "error"));
            }
        }
    }

    /** {@code [join]}: the game decides; the player waits outside the lobby until it has. */
    public void join(User user, int gameId, boolean observe, String password) {
        Game game = games.get(gameId);
        if (game == null) {
            refuseJoin(user, "Attempt to join unknown game.");
            return;
        }
        user.gameId = gameId;
        user.location = game.name;
        Game.JoinRequest request = new Game.JoinRequest(user.name, user.connection, observe, password,
                user.moderator);
        game.execute(() -> game.join(request));
    }

    public void joinRefused(String name, int gameId, String message) {
        User user = usersByName.get(name);
        if (user != null && user.gameId == gameId) {
            user.gameId = 0;
            user.location = "";
            refuseJoin(user, message);
        }
    }

    private void refuseJoin(User user, String message) {
        user.connection.send(ServerMessages.empty("leave_game"));
        user.connection.send(ServerMessages.message(message, "error"));
        user.connection.send(list.full());
    }

    public void joined(String name, int gameId, boolean observer, Document description) {
        User user = usersByName.get(name);
        if (user == null || user.gameId != gameId) {
            return;
        }
        user.status = observer ? "observing" : "playing";
        LOG.info("{} joined game {} as {}", name, gameId, observer ? "an observer" : "a player");
        Document diff = list.changeGame(gameId, description.root().child("game"), user);
        if (diff != null) {
            broadcastToLobby(EncodedFrame.of(diff), null);
        }
    }

    /** A member of a running game became an observer or a player: his entry changes, without a diff. */
    public void roleChanged(String name, int gameId, boolean observer) {
        User user = usersByName.get(name);
        if (user != null && user.gameId == gameId) {
            user.status = observer ? "observing" : "playing";
            list.refreshUserQuietly(user);
        }
    }

    /** A game's entry changed (slots, turn): the lobby sees the new entry. */
    public void gameChanged(int gameId, Document description) {
        Document diff = list.changeGame(gameId, description.root().child("game"), null);
        if (diff != null) {
            broadcastToLobby(EncodedFrame.of(diff), null);
        }
    }

    /**
     * A member left a game that goes on: he is back in the lobby and gets the whole list. One who
     * left of his own will does not get the diff of his own leaving; one the host removed (kick,
     * ban) is already told to leave and gets it, as wesnothd sends it.
     */
    public void memberLeft(String name, int gameId, Document description, boolean removed) {
        User user = usersByName.get(name);
        boolean returning = user != null && user.gameId == gameId;
        if (returning) {
            user.gameId = 0;
            user.location = "";
            user.status = "lobby";
        }
        Document diff = list.changeGame(gameId, description.root().child("game"), returning ? user : null);
        if (diff != null) {
            broadcastToLobby(EncodedFrame.of(diff), returning && !removed ? user : null);
        }
        if (returning) {
            user.connection.send(list.full());
        }
    }

    private void broadcastToLobbyExcept(EncodedFrame frame, List<User> alsoExcept, User except) {
        for (User other : usersByName.values()) {
            if (other != except && other.inLobby() && !alsoExcept.contains(other)) {
                other.connection.send(frame);
            }
        }
    }

    // ------------------------------------------------------------------ shutting down

    public static final String SHUTDOWN_NOTICE = "The server is shutting down. You may finish your games but can't start "
            + "new ones. Once all games have ended the server will exit.";
    static final String ALL_GAMES_ENDED = "All games ended. Shutting down now. Reconnect to the new server instance.";
    /** wesnothd's first look for an empty server comes 10 s after the command, then every second. */
    static final long FIRST_CHECK_MILLIS = 10_000;
    static final long CHECK_INTERVAL_MILLIS = 1_000;

    private ServerControl control = ServerControl.NONE;
    private boolean shuttingDown;

    /** What shut_down and restart act on (lobby actor). */
    public void useServerControl(ServerControl serverControl) {
        actor.execute(() -> control = serverControl);
    }

    /** While true no game may be created (lobby actor only). */
    public boolean shuttingDown() {
        return shuttingDown;
    }

    public void shutDownNow(String reason) {
        LOG.warn("Shutting down now: {}", reason);
        control.exit(reason);
    }

    /** No new connections or games; the players are told; the server exits once no game is left. */
    public void shutDownGracefully(org.tavern.api.CommandIssuer issuer, String notice) {
        if (!shuttingDown) {
            shuttingDown = true;
            control.stopAccepting();
            control.schedule(FIRST_CHECK_MILLIS, () -> execute(this::exitOnceGamesEnded));
            LOG.warn("Graceful shutdown requested by {}: {} games running", issuer.name(), games.size());
        }
        new LobbyMessageCommand().execute(this, issuer, notice);
    }

    public void restart(org.tavern.api.CommandIssuer issuer, String command, String notice) {
        boolean first = !shuttingDown;
        shuttingDown = true;
        control.stopAccepting();
        if (first) {
            control.schedule(FIRST_CHECK_MILLIS, () -> execute(this::exitOnceGamesEnded));
        }
        control.startNewServer(command);
        LOG.warn("Restart requested by {}: started '{}'", issuer.name(), command);
        new LobbyMessageCommand().execute(this, issuer, notice);
    }

    private void exitOnceGamesEnded() {
        if (!games.isEmpty()) {
            control.schedule(CHECK_INTERVAL_MILLIS, () -> execute(this::exitOnceGamesEnded));
            return;
        }
        new LobbyMessageCommand().execute(this, org.tavern.api.CommandIssuer.fromConsole(), ALL_GAMES_ENDED);
        control.exit("graceful shutdown: all games ended");
    }

    // ------------------------------------------------------------------ queries for commands

    /** {@code /query admin} and {@code signout}: the role changes (the lobby list keeps its login value). */
    public void setModerator(User user, boolean moderator) {
        user.moderator = moderator;
        online.put(user);
    }

    /** {@code dul}: set by administrators at run time, as in wesnothd (lobby actor only). */
    private boolean denyUnregistered;

    public boolean denyUnregistered() {
        return denyUnregistered;
    }

    public void setDenyUnregistered(boolean deny) {
        denyUnregistered = deny;
    }

    /** Who is online, for the games (they read it from their own actors). */
    public OnlinePlayers online() {
        return online;
    }

    public User user(String name) {
        return usersByName.get(name);
    }

    public boolean isLoggedIn(String name) {
        return usersByName.containsKey(name);
    }

    public List<User> lobbyUsers() {
        List<User> result = new ArrayList<>();
        for (User user : usersByName.values()) {
            if (user.inLobby()) {
                result.add(user);
            }
        }
        return result;
    }

    public int userCount() {
        return usersByName.size();
    }

    public int gameCount() {
        return games.size();
    }

    /** The {@code games} query's text: how games ended since start. */
    public String gameEndSummary() {
        if (endings.isEmpty()) {
            return "No game ended so far.";
        }
        StringBuilder summary = new StringBuilder("Games have been terminated in the following ways:");
        int total = 0;
        for (Map.Entry<String, Integer> ending : endings.entrySet()) {
            summary.append('\n').append(ending.getKey()).append(": ").append(ending.getValue());
            total += ending.getValue();
        }
        return summary.append("\nTotal number of games = ").append(total).toString();
    }

    public List<User> users() {
        return new ArrayList<>(usersByName.values());
    }

    /** The games in creation order. */
    public List<Game> games() {
        List<Game> result = new ArrayList<>(games.values());
        result.sort(java.util.Comparator.comparingInt(game -> game.id));
        return result;
    }

    public Game game(int id) {
        return games.get(id);
    }

    public long startMillis() {
        return startMillis;
    }

    public long requestsServiced() {
        return requestsServiced;
    }

    /** The {@code wml} query's text: the shared lobby list document. */
    public String listStatistics() {
        byte[] text = list.document().output();
        return "Lobby list: " + list.userCount() + " users, " + gameCount() + " games\nText: " + text.length
                + " bytes\nCompressed: " + list.full().size() + " bytes";
    }

    public LobbyList list() {
        return list;
    }

    public Settings settings() {
        return settings;
    }

    public long nowMillis() {
        return clock.getAsLong();
    }

    /**
     * Cuts a raw value to 256 characters as wesnothd does for chat, never inside a {@code ""} escape
     * (half of one would end the quoted value early).
     */
    public static String truncateRaw(String raw) {
        int limit = 256;
        if (raw.codePointCount(0, raw.length()) <= limit) {
            return raw;
        }
        String cut = raw.substring(0, raw.offsetByCodePoints(0, limit));
        int quotes = 0;
        for (int i = cut.length() - 1; i >= 0 && cut.charAt(i) == '"'; i--) {
            quotes++;
        }
        return quotes % 2 == 1 ? cut.substring(0, cut.length() - 1) : cut;
    }
}
