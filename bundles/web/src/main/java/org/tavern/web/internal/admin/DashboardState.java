package org.tavern.web.internal.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tavern.api.GameInfo;
import org.tavern.api.PlayerInfo;
import org.tavern.api.PluginState;
import org.tavern.identity.Ban;
import org.tavern.identity.Bans;
import org.tavern.transport.Transport;
import org.tavern.web.internal.health.ServerParts;
import org.tavern.web.internal.lobby.WebLobby;

/** Everything the dashboard shows, as one JSON object, from the server's services at one moment. */
final class DashboardState {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final int LOG_LINES = 120;

    private DashboardState() {
    }

    static ObjectNode of(ServerParts parts, WebLobby web, Bans bans, Activity activity, Path log, String nick) {
        ObjectNode state = JSON.objectNode();
        state.put("you", nick);
        state.put("time", Instant.now().toString());
        List<PlayerInfo> players = parts.players();
        List<GameInfo> games = parts.games();

        ArrayNode shards = state.putArray("shards");
        Transport transport = parts.transport().orElse(null);
        if (transport != null) {
            for (Transport.ShardStatistics shard : transport.shards()) {
                shards.addObject().put("shard", Integer.toString(shard.shard())).put("connections", shard.connections())
                        .put("bytesRead", shard.bytesRead()).put("bytesWritten", shard.bytesWritten())
                        .put("queuedBytes", shard.queuedBytes());
            }
        }
        shards.addObject().put("shard", "web").put("connections", web.openSockets()).put("bytesRead", 0)
                .put("bytesWritten", 0).put("queuedBytes", 0);

        Map<String, Integer> versions = new TreeMap<>();
        ArrayNode users = state.putArray("users");
        for (PlayerInfo player : players) {
            versions.merge(versionLine(player.clientVersion()), 1, Integer::sum);
            users.addObject().put("name", player.name()).put("version", player.clientVersion())
                    .put("status", player.status()).put("game", player.gameId()).put("address", player.address())
                    .put("moderator", player.moderator()).put("registered", player.registered());
        }
        ObjectNode lines = state.putObject("versions");
        versions.forEach(lines::put);

        ArrayNode gameList = state.putArray("games");
        for (GameInfo game : games) {
            ObjectNode entry = gameList.addObject().put("id", game.id()).put("name", game.name())
                    .put("host", game.host()).put("started", game.started()).put("turn", game.turn())
                    .put("scenario", game.scenario());
            game.players().forEach(entry.putArray("players")::add);
            game.observers().forEach(entry.putArray("observers")::add);
        }

        ArrayNode plugins = state.putArray("plugins");
        for (PluginState plugin : parts.plugins()) {
            plugins.addObject().put("name", plugin.name()).put("role", plugin.role()).put("calls", plugin.calls())
                    .put("failures", plugin.failures())
                    .put("state", plugin.switchedOff() ? "switched off after " + plugin.failures() + " failures"
                            : plugin.failures() > 0 ? "active, " + plugin.failures() + " failures" : "active");
        }

        ArrayNode banList = state.putArray("bans");
        if (bans == null) {
            state.put("bansUnavailable", "the ban store is not running");
        } else {
            for (Ban ban : bans.active(Instant.now())) {
                banList.addObject().put("mask", ban.ipMask()).put("nick", ban.nickMask()).put("reason", ban.reason())
                        .put("issuer", ban.issuer()).put("start", String.valueOf(ban.start()))
                        .put("end", ban.end() == null ? "permanent" : ban.end().toString());
            }
        }

        ArrayNode plot = state.putArray("activity");
        for (Activity.Point point : activity.points()) {
            plot.addObject().put("at", point.at()).put("players", point.players()).put("turns", point.turns());
        }
        LogTail.last(log, LOG_LINES).forEach(state.putArray("log")::add);
        return state;
    }

    /** "1.16.9" and "1.16.0" are both the 1.16 line. */
    static String versionLine(String version) {
        String[] parts = version == null ? new String[0] : version.split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : version == null || version.isEmpty() ? "?" : version;
    }
}
