package org.tavern.lobby.internal.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tavern.identity.Wildcards;

/** The lobby configuration in force, replaced as a whole on change (read by the lobby actor only). */
public record Settings(List<String> versionsAccepted, List<String> disallowedNames, String motd, String information,
        String announcements, int maxMessages, long messagesPeriodMillis, String adminPassword,
        String recommendedVersion, List<Map<String, String>> redirects, int connectionsAllowed,
        boolean allowRemoteShutdown, String restartCommand, Map<String, String> banTimes, int maxIpLogSize,
        int lanServerSeconds) {

    /** wesnothd's {@code max_ip_log_size} when none is set: the logins {@code searchlog} looks through. */
    public static final int DEFAULT_IP_LOG_SIZE = 500;

    public static Settings from(LobbyConfig config) {
        return new Settings(Wildcards.list(config.versions_accepted()), Wildcards.list(config.disallow_names()),
                config.motd(), config.information(), config.announcements(), Math.max(0, config.max_messages()),
                Math.max(0, config.messages_time_period()) * 1000L, config.passwd(),
                config.recommended_version().trim(), redirects(config.redirect()),
                Math.max(0, config.connections_allowed()), config.allow_remote_shutdown(),
                config.restart_command().trim(), banTimes(config.ban_times()), Math.max(0, config.max_ip_log_size()),
                Math.max(0, config.lan_server()));
    }

    public static Settings defaults() {
        return new Settings(List.of("1.16.*", "1.18.*", "test"),
                Wildcards.list("*admin*,*admln*,*server*,player,network,human,computer,ai,ai?,*moderator*"),
                "", "", "", 4, 10_000, "", "", List.of(), 5, false, "", Map.of(), DEFAULT_IP_LOG_SIZE, 0);
    }

    public Settings withVersionsAccepted(List<String> versions) {
        return new Settings(List.copyOf(versions), disallowedNames, motd, information, announcements, maxMessages,
                messagesPeriodMillis, adminPassword, recommendedVersion, redirects, connectionsAllowed,
                allowRemoteShutdown, restartCommand, banTimes, maxIpLogSize, lanServerSeconds);
    }

    public Settings withMotd(String newMotd) {
        return new Settings(versionsAccepted, disallowedNames, newMotd, information, announcements, maxMessages,
                messagesPeriodMillis, adminPassword, recommendedVersion, redirects, connectionsAllowed,
                allowRemoteShutdown, restartCommand, banTimes, maxIpLogSize, lanServerSeconds);
    }

    public Settings withPassword(String password) {
        return new Settings(versionsAccepted, disallowedNames, motd, information, announcements, maxMessages,
                messagesPeriodMillis, password, recommendedVersion, redirects, connectionsAllowed,
                allowRemoteShutdown, restartCommand, banTimes, maxIpLogSize, lanServerSeconds);
    }

    public Settings withVersionPolicy(String recommended, List<Map<String, String>> newRedirects) {
        return new Settings(versionsAccepted, disallowedNames, motd, information, announcements, maxMessages,
                messagesPeriodMillis, adminPassword, recommended, newRedirects, connectionsAllowed,
                allowRemoteShutdown, restartCommand, banTimes, maxIpLogSize, lanServerSeconds);
    }

    public Settings withConnectionsAllowed(int allowed) {
        return new Settings(versionsAccepted, disallowedNames, motd, information, announcements, maxMessages,
                messagesPeriodMillis, adminPassword, recommendedVersion, redirects, allowed, allowRemoteShutdown,
                restartCommand, banTimes, maxIpLogSize, lanServerSeconds);
    }

    public Settings withShutdownPolicy(boolean allowRemote, String restart) {
        return new Settings(versionsAccepted, disallowedNames, motd, information, announcements, maxMessages,
                messagesPeriodMillis, adminPassword, recommendedVersion, redirects, connectionsAllowed, allowRemote,
                restart, banTimes, maxIpLogSize, lanServerSeconds);
    }

    Settings withBanTimes(Map<String, String> names) {
        return new Settings(versionsAccepted, disallowedNames, motd, information, announcements, maxMessages,
                messagesPeriodMillis, adminPassword, recommendedVersion, redirects, connectionsAllowed,
                allowRemoteShutdown, restartCommand, Map.copyOf(names), maxIpLogSize, lanServerSeconds);
    }

    public Settings withLanServer(int seconds) {
        return new Settings(versionsAccepted, disallowedNames, motd, information, announcements, maxMessages,
                messagesPeriodMillis, adminPassword, recommendedVersion, redirects, connectionsAllowed,
                allowRemoteShutdown, restartCommand, banTimes, maxIpLogSize, seconds);
    }

    public Settings withMaxIpLogSize(int size) {
        return new Settings(versionsAccepted, disallowedNames, motd, information, announcements, maxMessages,
                messagesPeriodMillis, adminPassword, recommendedVersion, redirects, connectionsAllowed,
                allowRemoteShutdown, restartCommand, banTimes, size, lanServerSeconds);
    }

    /** wesnothd's {@code [ban_time] name= time=} blocks, as {@code name=time} entries. */
    static Map<String, String> banTimes(String[] entries) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals <= 0 || equals == entry.length() - 1) {
                throw new IllegalArgumentException("ban time entry needs name=time: " + entry);
            }
            result.put(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim());
        }
        return Map.copyOf(result);
    }

    /** Parses {@code host=a;port=1;version=1.14.*} entries; entries without {@code version} are refused. */
    public static List<Map<String, String>> redirects(String[] entries) {
        List<Map<String, String>> result = new ArrayList<>();
        for (String entry : entries) {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String pair : entry.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    attributes.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
                }
            }
            if (!attributes.containsKey("version") || !attributes.containsKey("host")) {
                throw new IllegalArgumentException("redirect entry needs host= and version=: " + entry);
            }
            result.add(Map.copyOf(attributes));
        }
        return List.copyOf(result);
    }
}
