package org.tavern.lobby.internal;

import java.util.List;

/** The lobby configuration in force, replaced as a whole on change (read by the lobby actor only). */
record Settings(List<String> versionsAccepted, List<String> disallowedNames, String motd, String information,
        String announcements, int maxMessages, long messagesPeriodMillis, String adminPassword) {

    static Settings from(LobbyConfig config) {
        return new Settings(Wildcards.list(config.versions_accepted()), Wildcards.list(config.disallow_names()),
                config.motd(), config.information(), config.announcements(), Math.max(0, config.max_messages()),
                Math.max(0, config.messages_time_period()) * 1000L, config.passwd());
    }

    static Settings defaults() {
        return new Settings(List.of("1.16.*", "1.16.9", "test"),
                Wildcards.list("*admin*,*admln*,*server*,player,network,human,computer,ai,ai?,*moderator*"),
                "", "", "", 4, 10_000, "");
    }

    Settings withMotd(String newMotd) {
        return new Settings(versionsAccepted, disallowedNames, newMotd, information, announcements, maxMessages,
                messagesPeriodMillis, adminPassword);
    }
}
