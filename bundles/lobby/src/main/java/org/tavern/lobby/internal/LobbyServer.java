package org.tavern.lobby.internal;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * (one thread that owns all lobby state). Configuration changes apply live.
 */
@Component(service = ConnectionHandler.class, configurationPid = "tavern.lobby", immediate = true)
@Designate(ocd = LobbyConfig.class)
public class LobbyServer implements ConnectionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LobbyServer.class);

    private final ExecutorService actor;
    private final Lobby lobby;

    @Activate
    public LobbyServer(LobbyConfig config, Map<String, Object> properties) {
        actor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tavern-lobby");
            thread.setDaemon(true);
            return thread;
        });
        lobby = new Lobby(actor, System::currentTimeMillis, Settings.from(config));
        LOG.info("Lobby ready; configuration {}", source(properties));
    }

    @Modified
    void modified(LobbyConfig config, Map<String, Object> properties) {
        lobby.updateSettings(Settings.from(config));
        LOG.info("Lobby configuration {}", source(properties));
    }

    /** Where the settings came from: a configuration PID, or the built-in defaults. */
    private static String source(Map<String, Object> properties) {
        Object pid = properties.get("service.pid");
        return pid != null ? "applied from " + pid : "defaults";
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        actor.shutdown();
        if (!actor.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("Lobby actor did not finish its queue within 10 s");
            actor.shutdownNow();
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
