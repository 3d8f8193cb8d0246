package org.tavern.lobby.internal.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.BanEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.FailedLogin;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.GameEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.IpLogEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.Line;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.LineEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.MemberEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.ScenarioEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.SessionEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.UserEntry;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * Writes a {@link LobbySnapshot} in the current {@link SnapshotFormat}: the structure as WML, the
 * payloads as parts of their own. {@link SnapshotReader} is its mirror; the element and attribute
 * names are the format, so a change here is a new format version.
 */
public final class SnapshotWriter {

    private final List<byte[]> parts = new ArrayList<>();
    private final Document structure = Document.create();

    private SnapshotWriter() {
        parts.add(null); // part 0, the structure, is filled in last
    }

    public static byte[] write(LobbySnapshot snapshot) {
        SnapshotWriter writer = new SnapshotWriter();
        writer.writeAll(snapshot);
        writer.parts.set(0, writer.structure.output());
        return SnapshotFormat.write(SnapshotFormat.VERSION, writer.parts);
    }

    private void writeAll(LobbySnapshot snapshot) {
        Node root = structure.root();
        root.set("written_millis", snapshot.writtenMillis()).set("last_game_id", snapshot.lastGameId())
                .set("deny_unregistered", snapshot.denyUnregistered()).set("shutting_down", snapshot.shuttingDown());
        Node statistics = root.addChild("statistics").set("start_millis", snapshot.statistics().startMillis())
                .set("requests", snapshot.statistics().requestsServiced())
                .set("sample_frequency", snapshot.statistics().sampleFrequency());
        for (Map.Entry<String, Integer> ending : new TreeMap<>(snapshot.statistics().endings()).entrySet()) {
            statistics.addChild("ending").set("reason", ending.getKey()).set("count", ending.getValue());
        }
        for (SessionEntry session : snapshot.sessions()) {
            Node node = root.addChild("session").set("connection", session.connectionId())
                    .set("login_check", session.loginCheckRunning());
            setIfPresent(node, "client_version", session.clientVersion());
            setIfPresent(node, "user", session.userName());
        }
        for (UserEntry user : snapshot.users()) {
            Node node = root.addChild("user").set("name", user.name()).set("connection", user.connectionId())
                    .set("ip", user.ip())
                    .set("client_version", user.clientVersion()).set("login_millis", user.loginMillis())
                    .set("moderator", user.moderator()).set("registered", user.registered())
                    .set("game_id", user.gameId()).set("location", user.location()).set("status", user.status())
                    .set("flood_window_start", user.floodWindowStart()).set("flood_count", user.floodCount());
            line(node, user.line());
        }
        for (LineEntry line : snapshot.lines()) {
            line(root.addChild("line"), line.line()).set("list", part(line.list()));
        }
        for (GameEntry game : snapshot.games()) {
            game(root.addChild("game"), game);
        }
        for (BanEntry ban : snapshot.bans()) {
            root.addChild("ban").set("ip_mask", ban.ipMask()).set("nick", ban.nick()).set("reason", ban.reason())
                    .set("start_millis", ban.startMillis()).set("end_millis", ban.endMillis())
                    .set("issuer", ban.issuer()).set("group", ban.group()).set("lifted", ban.lifted());
        }
        for (FailedLogin failed : snapshot.failedLogins()) {
            root.addChild("failed_login").set("address", failed.address())
                    .set("times", failed.times().stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        for (Map.Entry<Integer, Long> record : new TreeMap<>(snapshot.openRecords()).entrySet()) {
            root.addChild("open_record").set("game", record.getKey()).set("record", record.getValue());
        }
        for (IpLogEntry entry : snapshot.ipLog()) {
            root.addChild("ip_log").set("nick", entry.nick()).set("ip", entry.ip())
                    .set("login_millis", entry.loginMillis()).set("logout_millis", entry.logoutMillis());
        }
    }

    private void game(Node node, GameEntry game) {
        line(node.set("id", game.id()), game.line()).set("name", game.name())
                .set("created_millis", game.createdMillis()).set("create_game", part(game.createGame()))
                .set("host", game.host()).set("last_choice_request", game.lastChoiceRequest());
        for (MemberEntry member : game.members()) {
            node.addChild("member").set("name", member.name()).set("connection", member.connectionId())
                    .set("observer", member.observer());
        }
        ScenarioEntry scenario = game.scenario();
        Node level = node.addChild("scenario").set("starting_is_level", scenario.startingIsLevel())
                .set("started", scenario.started()).set("ended", scenario.ended()).set("turn", scenario.turn())
                .set("max_turns", scenario.maxTurns());
        setPartIfPresent(level, "level", scenario.level());
        setPartIfPresent(level, "starting_level", scenario.startingLevel());
        setPartIfPresent(level, "first_multiplayer", scenario.firstMultiplayer());
        setPartIfPresent(level, "frozen_slots", scenario.frozenSlots());
        setIfPresent(level, "termination", scenario.termination());
        setIfPresent(level, "scenario_termination", scenario.scenarioTermination());
        for (String name : scenario.notAdvanced()) {
            level.addChild("not_advanced").set("name", name);
        }
        for (Payload later : scenario.laterMultiplayers()) {
            level.addChild("later_multiplayer").set("part", part(later));
        }
        Node history = node.addChild("history").set("text", part(game.history().text()));
        for (Payload frame : game.history().frames()) {
            history.addChild("frame").set("part", part(frame));
        }
        Node sides = node.addChild("sides").set("current", game.sides().current());
        for (int i = 0; i < game.sides().owners().size(); i++) {
            Node side = sides.addChild("side");
            setIfPresent(side, "owner", game.sides().owners().get(i));
            setIfPresent(side, "controller", game.sides().controllers().get(i));
        }
        Node moderation = node.addChild("moderation")
                .set("all_observers_muted", game.moderation().allObserversMuted());
        game.moderation().muted().forEach(name -> moderation.addChild("muted").set("name", name));
        game.moderation().bannedIps().forEach(ip -> moderation.addChild("banned_ip").set("ip", ip));
        game.moderation().bannedNames().forEach(name -> moderation.addChild("banned_name").set("name", name));
        for (Payload message : game.chatBeforeStart()) {
            node.addChild("chat").set("part", part(message));
        }
    }

    private static Node line(Node node, Line line) {
        return node.set("line", line.name()).set("line_major", line.major()).set("line_minor", line.minor());
    }

    private int part(Payload payload) {
        parts.add(payload.shared());
        return parts.size() - 1;
    }

    private void setPartIfPresent(Node node, String key, Payload payload) {
        if (payload != null) {
            node.set(key, part(payload));
        }
    }

    /** Absent means null: the reader tells "no value" from an empty one. */
    private static void setIfPresent(Node node, String key, String value) {
        if (value != null) {
            node.set(key, value);
        }
    }
}
