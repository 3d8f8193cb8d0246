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
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.transport.Connection;
import org.tavern.transport.ConnectionHandler;
import org.tavern.wml.Document;

/**
 * The lobby as the transport's {@link ConnectionHandler}: every event is handed to the lobby actor
 * (a {@link SerialExecutor} that alone owns the lobby state), and games run as actors of their own on
 * the same thread pool. Configuration changes apply live.
 */
@Component(service = ConnectionHandler.class, configurationPid = "tavern.lobby", immediate = true)
@Designate(ocd = LobbyConfig.class)
public class LobbyServer implements ConnectionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LobbyServer.class);

    /** Threads shared by the lobby's actor and every game's actor. */
    private final ExecutorService pool;
    private final Lobby lobby;
    private ReplayWriter replays;

    @Activate
    public LobbyServer(LobbyConfig config, Map<String, Object> properties) {
        AtomicInteger threads = new AtomicInteger();
        pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
            Thread thread = new Thread(runnable, "tavern-actors-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        lobby = new Lobby(new SerialExecutor(pool, "lobby"), pool, System::currentTimeMillis, Settings.from(config));
        applyReplays(config);
        lobby.useBans(loadBans(config));
        LOG.info("Lobby ready; configuration {}", source(properties));
    }

    @Modified
    void modified(LobbyConfig config, Map<String, Object> properties) {
        lobby.updateSettings(Settings.from(config));
        applyReplays(config);
        LOG.info("Lobby configuration {}", source(properties));
    }

    /** Where the settings came from: a configuration PID, or the built-in defaults. */
    private static String source(Map<String, Object> properties) {
        Object pid = properties.get("service.pid");
        return pid != null ? "applied from " + pid : "defaults";
    }

    /**
     * The saved bans. An unreadable file is set aside (renamed, never overwritten) and the server
     * starts with no bans, saying so once.
     */
    static BanList loadBans(LobbyConfig config) {
        String name = config.ban_save_file().trim();
        if (name.isEmpty()) {
            return new BanList(null);
        }
        String home = System.getProperty("tavern.home");
        java.nio.file.Path file = home != null ? java.nio.file.Path.of(home).resolve(name) : java.nio.file.Path.of(name);
        BanList bans = new BanList(file);
        try {
            bans.load();
            return bans;
        } catch (java.io.IOException e) {
            java.nio.file.Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + System.currentTimeMillis());
            LOG.error("Ban file {} cannot be read ({}); it is kept as {} and the server starts without bans", file,
                    e.getMessage(), aside);
            try {
                java.nio.file.Files.move(file, aside);
            } catch (java.io.IOException moveFailed) {
                LOG.error("Could not set {} aside; bans will not be saved", file, moveFailed);
                return new BanList(null);
            }
            return new BanList(file);
        }
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
        lobby.useReplays(replays);
        if (old != null) {
            old.close();
        }
        if (replays != null) {
            LOG.info("Replays are saved with the prefix {}", prefix);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("Lobby and game actors did not finish their queues within 10 s");
            pool.shutdownNow();
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
}
