package org.tavern.lobby.internal.lobby;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.api.CommandIssuer;

/**
 * shut_down, restart and lan_server: no new connections or games, the players told, and the server
 * exits once no game is left (lobby actor).
 */
final class Shutdown {

    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);

    static final String ALL_GAMES_ENDED = "All games ended. Shutting down now. Reconnect to the new server instance.";
    /** wesnothd's first look for an empty server comes 10 s after the command, then every second. */
    static final long FIRST_CHECK_MILLIS = 10_000;
    static final long CHECK_INTERVAL_MILLIS = 1_000;

    private final Lobby lobby;
    private final LobbyState state;

    Shutdown(Lobby lobby, LobbyState state) {
        this.lobby = lobby;
        this.state = state;
    }

    void now(String reason) {
        LOG.warn("Shutting down now: {}", reason);
        lobby.serverControl().exit(reason);
    }

    void gracefully(CommandIssuer issuer, String notice) {
        if (!state.shuttingDown) {
            state.shuttingDown = true;
            lobby.serverControl().stopAccepting();
            lobby.serverControl().schedule(FIRST_CHECK_MILLIS, () -> lobby.execute(this::exitOnceGamesEnded));
            LOG.warn("Graceful shutdown requested by {}: {} games running", issuer.name(), state.games.size());
        }
        lobby.alertEveryone(notice);
    }

    void restart(CommandIssuer issuer, String command, String notice) {
        boolean first = !state.shuttingDown;
        state.shuttingDown = true;
        lobby.serverControl().stopAccepting();
        if (first) {
            lobby.serverControl().schedule(FIRST_CHECK_MILLIS, () -> lobby.execute(this::exitOnceGamesEnded));
        }
        lobby.serverControl().startNewServer(command);
        LOG.warn("Restart requested by {}: started '{}'", issuer.name(), command);
        lobby.alertEveryone(notice);
    }

    /** lan_server: the server ends once nobody has been logged in for that long. */
    void whenEmptyFor(long seconds) {
        lobby.serverControl().schedule(seconds * 1000, () -> lobby.execute(() -> {
            if (state.users.isEmpty()) {
                now("lan_server: nobody logged in for " + seconds + " s");
            }
        }));
    }

    private void exitOnceGamesEnded() {
        if (!state.games.isEmpty()) {
            lobby.serverControl().schedule(CHECK_INTERVAL_MILLIS, () -> lobby.execute(this::exitOnceGamesEnded));
            return;
        }
        lobby.alertEveryone(ALL_GAMES_ENDED);
        lobby.serverControl().exit("graceful shutdown: all games ended");
    }
}
