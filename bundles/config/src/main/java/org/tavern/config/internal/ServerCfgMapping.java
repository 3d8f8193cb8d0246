package org.tavern.config.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a wesnothd 1.16 {@code server.cfg} into Tavern's configurations: each key lands in the
 * configuration of the part of the server that owns it, under the name its component reads
 * ({@code max_messages} becomes {@code max.messages} of {@link #LOBBY}). Keys wesnothd knows but
 * Tavern does not use (yet) are accepted and reported; keys nobody knows are reported as ignored.
 */
final class ServerCfgMapping {

    /** Where server.cfg values go; the owner's {@code etc/<pid>.cfg} (the plain PID) overrides them key by key. */
    static final String LOBBY = "tavern.servercfg.lobby";
    static final String TRANSPORT = "tavern.servercfg.transport";
    static final String ADMIN = "tavern.servercfg.admin";

    private enum Kind { TEXT, INTEGER, BOOLEAN }

    private record Target(String pid, String property, Kind kind) {
    }

    private static final Map<String, Target> KEYS = new LinkedHashMap<>();

    static {
        for (String text : List.of("passwd", "motd", "information", "announcements", "versions_accepted",
                "recommended_version", "disallow_names", "replay_save_path", "ban_save_file", "restart_command",
                "tor_ip_list_path")) {
            KEYS.put(text, new Target(LOBBY, text.replace('_', '.'), Kind.TEXT));
        }
        for (String number : List.of("max_messages", "messages_time_period", "connections_allowed",
                "max_ip_log_size", "lan_server", "failed_logins_limit", "failed_logins_ban")) {
            KEYS.put(number, new Target(LOBBY, number.replace('_', '.'), Kind.INTEGER));
        }
        for (String flag : List.of("save_replays", "allow_remote_shutdown", "deny_unregistered_login")) {
            KEYS.put(flag, new Target(LOBBY, flag.replace('_', '.'), Kind.BOOLEAN));
        }
        KEYS.put("tls_enabled", new Target(TRANSPORT, "tls.enabled", Kind.BOOLEAN));
        KEYS.put("tls_fullchain", new Target(TRANSPORT, "tls.fullchain", Kind.TEXT));
        KEYS.put("tls_private_key", new Target(TRANSPORT, "tls.private.key", Kind.TEXT));
        KEYS.put("fifo_path", new Target(ADMIN, "fifo.path", Kind.TEXT));
    }

    /** wesnothd keys Tavern accepts without acting on them, with the reason an owner reads in the log. */
    private static final Map<String, String> ACCEPTED_UNUSED = Map.ofEntries(
            Map.entry("id", "used by wesnothd only with its forum database"),
            Map.entry("failed_logins_buffer_size", "Tavern counts wrong passwords per address within "
                    + "failed_logins_ban, without a fixed-size buffer"),
            Map.entry("client_sources", "used by wesnothd only with its forum database"),
            Map.entry("tls_dh", "Java's TLS chooses its own Diffie-Hellman parameters"),
            Map.entry("dummy_player_count", "a wesnothd load-testing aid; Tavern has tools/loadgen"),
            Map.entry("dummy_player_timer_interval", "a wesnothd load-testing aid; Tavern has tools/loadgen"));


    /** The configurations to apply, and what the owner should be told about the file. */
    record Result(Map<String, Map<String, Object>> configurations, List<String> notices) {
    }

    private ServerCfgMapping() {
    }

    static Result map(ConfigFile.Tag root) throws ConfigFile.Malformed {
        Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
        configurations.put(LOBBY, new LinkedHashMap<>());
        configurations.put(TRANSPORT, new LinkedHashMap<>());
        configurations.put(ADMIN, new LinkedHashMap<>());
        List<String> notices = new ArrayList<>();
        for (Map.Entry<String, ConfigFile.Value> attribute : root.attributes.entrySet()) {
            String key = attribute.getKey();
            ConfigFile.Value value = attribute.getValue();
            Target target = KEYS.get(key);
            if (target != null) {
                configurations.get(target.pid()).put(target.property(), convert(key, value, target.kind()));
            } else if (ACCEPTED_UNUSED.containsKey(key)) {
                notices.add("line " + value.line() + ": " + key + " is accepted but has no effect: "
                        + ACCEPTED_UNUSED.get(key));
            } else {
                notices.add("line " + value.line() + ": unknown key " + key + " ignored");
            }
        }
        // connections_allowed=0 lifts every per-address limit, the transport's flood bound too.
        if (Integer.valueOf(0).equals(configurations.get(LOBBY).get("connections.allowed"))) {
            configurations.get(TRANSPORT).put("connections.per.address", 0);
        }
        List<String> redirects = new ArrayList<>();
        List<String> banTimes = new ArrayList<>();
        for (ConfigFile.Tag block : root.children) {
            switch (block.name) {
                case "redirect" -> redirects.add(redirect(block));
                case "ban_time" -> banTimes.add(banTime(block));
                case "proxy" -> notices.add("line " + block.line + ": [proxy] is accepted but has no effect "
                        + "(as in wesnothd 1.16)");
                case "user_handler" -> notices.add("line " + block.line + ": [user_handler] is accepted but has "
                        + "no effect: Tavern keeps registered nicks in its own store");
                default -> notices.add("line " + block.line + ": unknown block [" + block.name + "] ignored");
            }
        }
        if (!redirects.isEmpty()) {
            configurations.get(LOBBY).put("redirect", redirects.toArray(String[]::new));
        }
        if (!banTimes.isEmpty()) {
            configurations.get(LOBBY).put("ban.times", banTimes.toArray(String[]::new));
        }
        return new Result(configurations, notices);
    }

    private static Object convert(String key, ConfigFile.Value value, Kind kind) throws ConfigFile.Malformed {
        String text = value.text().trim();
        switch (kind) {
            case INTEGER -> {
                try {
                    int number = Integer.parseInt(text);
                    if (number < 0) {
                        throw new ConfigFile.Malformed(value.line(), key + " must not be negative, got " + text);
                    }
                    return number;
                } catch (NumberFormatException e) {
                    throw new ConfigFile.Malformed(value.line(), key + " needs a whole number, got '" + text + "'");
                }
            }
            case BOOLEAN -> {
                return switch (text.toLowerCase(Locale.ROOT)) {
                    case "yes", "true", "on", "1" -> Boolean.TRUE;
                    case "no", "false", "off", "0", "" -> Boolean.FALSE;
                    default -> throw new ConfigFile.Malformed(value.line(), key + " needs yes or no, got '" + text + "'");
                };
            }
            default -> {
                return value.text();
            }
        }
    }

    /** {@code [redirect] host= port= version=} as the lobby's {@code host=..;port=..;version=..} entry. */
    private static String redirect(ConfigFile.Tag block) throws ConfigFile.Malformed {
        if (!block.attributes.containsKey("host") || !block.attributes.containsKey("version")) {
            throw new ConfigFile.Malformed(block.line, "[redirect] needs host= and version=");
        }
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, ConfigFile.Value> attribute : block.attributes.entrySet()) {
            String text = attribute.getValue().text();
            if (text.contains(";")) {
                throw new ConfigFile.Malformed(attribute.getValue().line(), "[redirect] " + attribute.getKey()
                        + " must not contain ';'");
            }
            pairs.add(attribute.getKey() + "=" + text);
        }
        return String.join(";", pairs);
    }

    /** {@code [ban_time] name= time=} as the lobby's {@code name=time} entry. */
    private static String banTime(ConfigFile.Tag block) throws ConfigFile.Malformed {
        ConfigFile.Value name = block.attributes.get("name");
        ConfigFile.Value time = block.attributes.get("time");
        if (name == null || time == null || name.text().isBlank() || time.text().isBlank()) {
            throw new ConfigFile.Malformed(block.line, "[ban_time] needs name= and time=");
        }
        if (name.text().contains("=")) {
            throw new ConfigFile.Malformed(name.line(), "[ban_time] name must not contain '='");
        }
        return name.text().trim() + "=" + time.text().trim();
    }
}
