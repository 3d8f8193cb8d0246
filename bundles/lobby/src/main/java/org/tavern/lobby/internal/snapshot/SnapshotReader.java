package org.tavern.lobby.internal.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.BanEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.FailedLogin;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.GameEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.HistoryEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.IpLogEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.Line;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.LineEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.MemberEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.ModerationEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.ScenarioEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.SessionEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.SidesEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.Statistics;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.UserEntry;
import org.tavern.wml.Document;
import org.tavern.wml.Node;
import org.tavern.wml.WmlException;

/**
 * Reads a snapshot written by {@link SnapshotWriter} of this or an earlier format version (1 and 2:
 * format 1 has no open records, read as none). Anything missing, malformed or newer is refused with a
 * {@link SnapshotException} naming what and where; nothing half-read is returned.
 */
public final class SnapshotReader {

    private final List<byte[]> parts;

    private SnapshotReader(List<byte[]> parts) {
        this.parts = parts;
    }

    public static LobbySnapshot read(byte[] bytes) throws SnapshotException {
        SnapshotFormat.Container container = SnapshotFormat.read(bytes);
        Document structure;
        try {
            structure = Document.parse(container.parts().get(0));
        } catch (WmlException e) {
            throw new SnapshotException("snapshot structure is not WML: " + e.getMessage());
        }
        return new SnapshotReader(container.parts()).readAll(structure.root());
    }

    private LobbySnapshot readAll(Node root) throws SnapshotException {
        Node statisticsNode = required(root, "statistics");
        Map<String, Integer> endings = new TreeMap<>();
        for (Node ending : statisticsNode.children("ending")) {
            endings.put(text(ending, "reason"), integer(ending, "count"));
        }
        Statistics statistics = new Statistics(number(statisticsNode, "start_millis"),
                number(statisticsNode, "requests"), integer(statisticsNode, "sample_frequency"), endings);
        List<SessionEntry> sessions = new ArrayList<>();
        for (Node node : root.children("session")) {
            sessions.add(new SessionEntry(number(node, "connection"), optionalText(node, "client_version"),
                    optionalText(node, "user"), bool(node, "login_check")));
        }
        List<UserEntry> users = new ArrayList<>();
        for (Node node : root.children("user")) {
            users.add(new UserEntry(text(node, "name"), number(node, "connection"), text(node, "ip"),
                    text(node, "client_version"),
                    line(node), number(node, "login_millis"), bool(node, "moderator"), bool(node, "registered"),
                    integer(node, "game_id"), text(node, "location"), text(node, "status"),
                    number(node, "flood_window_start"), integer(node, "flood_count")));
        }
        List<LineEntry> lines = new ArrayList<>();
        for (Node node : root.children("line")) {
            lines.add(new LineEntry(line(node), part(node, "list")));
        }
        List<GameEntry> games = new ArrayList<>();
        for (Node node : root.children("game")) {
            games.add(game(node));
        }
        List<BanEntry> bans = new ArrayList<>();
        for (Node node : root.children("ban")) {
            bans.add(new BanEntry(text(node, "ip_mask"), text(node, "nick"), text(node, "reason"),
                    number(node, "start_millis"), number(node, "end_millis"), text(node, "issuer"),
                    text(node, "group"), bool(node, "lifted")));
        }
        List<FailedLogin> failedLogins = new ArrayList<>();
        for (Node node : root.children("failed_login")) {
            List<Long> times = new ArrayList<>();
            String listed = text(node, "times");
            for (String time : listed.isEmpty() ? new String[0] : listed.split(",")) {
                times.add(parseLong(node, "times", time));
            }
            failedLogins.add(new FailedLogin(text(node, "address"), times));
        }
        List<IpLogEntry> ipLog = new ArrayList<>();
        for (Node node : root.children("ip_log")) {
            ipLog.add(new IpLogEntry(text(node, "nick"), text(node, "ip"), number(node, "login_millis"),
                    number(node, "logout_millis")));
        }
        Map<Integer, Long> openRecords = new TreeMap<>(); // format 2 on; none in format 1
        for (Node node : root.children("open_record")) {
            openRecords.put(integer(node, "game"), number(node, "record"));
        }
        return new LobbySnapshot(number(root, "written_millis"), integer(root, "last_game_id"),
                bool(root, "deny_unregistered"), bool(root, "shutting_down"), statistics, sessions, users, lines,
                games, bans, failedLogins, ipLog, openRecords);
    }

    private GameEntry game(Node node) throws SnapshotException {
        List<MemberEntry> members = new ArrayList<>();
        for (Node member : node.children("member")) {
            members.add(new MemberEntry(text(member, "name"), number(member, "connection"), bool(member, "observer")));
        }
        Node level = required(node, "scenario");
        List<String> notAdvanced = new ArrayList<>();
        for (Node name : level.children("not_advanced")) {
            notAdvanced.add(text(name, "name"));
        }
        List<Payload> later = new ArrayList<>();
        for (Node multiplayer : level.children("later_multiplayer")) {
            later.add(part(multiplayer, "part"));
        }
        ScenarioEntry scenario = new ScenarioEntry(optionalPart(level, "level"), optionalPart(level, "starting_level"),
                bool(level, "starting_is_level"), bool(level, "started"), bool(level, "ended"),
                integer(level, "turn"), integer(level, "max_turns"), notAdvanced, optionalText(level, "termination"),
                optionalText(level, "scenario_termination"), optionalPart(level, "first_multiplayer"), later,
                optionalPart(level, "frozen_slots"));
        Node historyNode = required(node, "history");
        List<Payload> frames = new ArrayList<>();
        for (Node frame : historyNode.children("frame")) {
            frames.add(part(frame, "part"));
        }
        Node sidesNode = required(node, "sides");
        List<String> owners = new ArrayList<>();
        List<String> controllers = new ArrayList<>();
        for (Node side : sidesNode.children("side")) {
            owners.add(optionalText(side, "owner"));
            controllers.add(optionalText(side, "controller"));
        }
        Node moderationNode = required(node, "moderation");
        ModerationEntry moderation = new ModerationEntry(bool(moderationNode, "all_observers_muted"),
                texts(moderationNode, "muted", "name"), texts(moderationNode, "banned_ip", "ip"),
                texts(moderationNode, "banned_name", "name"));
        List<Payload> chat = new ArrayList<>();
        for (Node message : node.children("chat")) {
            chat.add(part(message, "part"));
        }
        return new GameEntry(integer(node, "id"), line(node), text(node, "name"), number(node, "created_millis"),
                part(node, "create_game"), text(node, "host"), members, scenario,
                new HistoryEntry(frames, part(historyNode, "text")),
                new SidesEntry(integer(sidesNode, "current"), owners, controllers), moderation, chat,
                number(node, "last_choice_request"));
    }

    private static Line line(Node node) throws SnapshotException {
        return new Line(text(node, "line"), integer(node, "line_major"), integer(node, "line_minor"));
    }

    private Payload part(Node node, String key) throws SnapshotException {
        long index = number(node, key);
        if (index < 1 || index >= parts.size()) {
            throw new SnapshotException("snapshot damaged: [" + node.name() + "] " + key + "=" + index
                    + " names no part (there are " + parts.size() + ")");
        }
        return Payload.adopt(parts.get((int) index));
    }

    private Payload optionalPart(Node node, String key) throws SnapshotException {
        return node.has(key) ? part(node, key) : null;
    }

    private static List<String> texts(Node node, String tag, String key) throws SnapshotException {
        List<String> result = new ArrayList<>();
        for (Node child : node.children(tag)) {
            result.add(text(child, key));
        }
        return result;
    }

    private static Node required(Node node, String tag) throws SnapshotException {
        Node child = node.child(tag);
        if (child == null) {
            throw new SnapshotException("snapshot damaged: [" + tag + "] missing in " + where(node));
        }
        return child;
    }

    private static String text(Node node, String key) throws SnapshotException {
        if (!node.has(key)) {
            throw new SnapshotException("snapshot damaged: " + key + " missing in " + where(node));
        }
        return node.text(key);
    }

    private static String optionalText(Node node, String key) {
        return node.has(key) ? node.text(key) : null;
    }

    private static boolean bool(Node node, String key) throws SnapshotException {
        String value = text(node, key);
        if (!value.equals("yes") && !value.equals("no")) {
            throw new SnapshotException("snapshot damaged: " + key + "=" + value + " in " + where(node)
                    + " is not yes or no");
        }
        return value.equals("yes");
    }

    private static long number(Node node, String key) throws SnapshotException {
        return parseLong(node, key, text(node, key));
    }

    private static int integer(Node node, String key) throws SnapshotException {
        long value = number(node, key);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new SnapshotException("snapshot damaged: " + key + "=" + value + " in " + where(node)
                    + " is out of range");
        }
        return (int) value;
    }

    private static long parseLong(Node node, String key, String value) throws SnapshotException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new SnapshotException("snapshot damaged: " + key + "=" + value + " in " + where(node)
                    + " is not a number");
        }
    }

    private static String where(Node node) {
        return node.parent() == null ? "the snapshot's top" : "[" + node.name() + "]";
    }
}
