package org.tavern.web.internal.health;

import java.util.List;
import java.util.Map;
import org.tavern.api.GameInfo;
import org.tavern.api.LobbyCounters;
import org.tavern.api.PlayerInfo;
import org.tavern.api.PluginState;
import org.tavern.transport.Transport;
import org.tavern.web.internal.lobby.WebLobby;

/** The server's figures at one moment, as one /metrics scrape reports them. */
record Figures(int gameOpen, int gameLoggedIn, int webOpen, int webLoggedIn, int playersOnline, long logins,
        Map<String, Long> webRefusals, int gamesRunning, int gamesWaiting, long gamesCreated, long turnsOfRunningGames,
        List<Transport.ShardStatistics> shards, Transport.BudgetStatistics budget, List<PluginState> plugins,
        ServerParts.StorePing store, LobbyCounters lobby, Transport.SlowClientDrops slowClientDrops,
        long webSlowClientsDropped) {

    static final LobbyCounters NO_COUNTERS = new LobbyCounters(Map.of(), 0, 0);
    static final Transport.SlowClientDrops NO_DROPS = new Transport.SlowClientDrops(0, 0, 0);
    static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, Map.of(), 0, 0, 0, 0, List.of(), null, List.of(),
            new ServerParts.StorePing(false, 0), NO_COUNTERS, NO_DROPS, 0);

    /** Where the figures come from. */
    record Source(ServerParts parts, LoginCounter logins, WebLobby web) {

        Figures take() {
            List<PlayerInfo> players = parts.players();
            List<GameInfo> games = parts.games();
            int webOpen = web.openSockets();
            int webLoggedIn = web.loggedInSockets();
            Transport transport = parts.transport().orElse(null);
            int gameOpen = transport == null ? 0 : transport.connections().size();
            int running = 0;
            long turns = 0;
            for (GameInfo game : games) {
                if (game.started()) {
                    running++;
                    turns += game.turn();
                }
            }
            return new Figures(gameOpen, Math.max(0, players.size() - webLoggedIn), webOpen, webLoggedIn,
                    players.size(), logins.logins(), web.refusals().byCode(), running, games.size() - running,
                    logins.gamesCreated(), turns, transport == null ? List.of() : transport.shards(),
                    transport == null ? null : transport.budget(), parts.plugins(), parts.pingStore(),
                    parts.lobbyCounters().orElse(NO_COUNTERS),
                    transport == null ? NO_DROPS : transport.slowClientDrops(), web.slowClientsDropped());
        }
    }
}
