package org.tavern.lobby.internal.common;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code tavern.lobby}: the wesnothd server.cfg keys of the lobby, with wesnothd's
 * defaults. Keys use {@code .} for {@code _} ({@code versions.accepted}).
 */
// the id it had before the lobby got its packages, so metatype clients see the same definition
@ObjectClassDefinition(id = "org.tavern.lobby.internal.LobbyConfig", name = "Tavern lobby",
        description = "Login rules, messages and flood control")
public @interface LobbyConfig {

    @AttributeDefinition(description = "Comma list of accepted client versions; * and ? are wildcards. "
            + "Each version line (1.16, 1.18, ...) gets a lobby of its own")
    String versions_accepted() default "1.16.*,1.18.*,test";

    @AttributeDefinition(description = "Comma list of reserved nick patterns (case-insensitive; * and ?)")
    String disallow_names() default "*admin*,*admln*,*server*,player,network,human,computer,ai,ai?,*moderator*";

    @AttributeDefinition(description = "Message of the day")
    String motd() default "";

    @AttributeDefinition(description = "Text of the server_info message")
    String information() default "";

    @AttributeDefinition(description = "Text of the announcements message")
    String announcements() default "";

    @AttributeDefinition(description = "Lobby messages allowed per period before flood control refuses them")
    int max_messages() default 4;

    @AttributeDefinition(description = "Flood control period in seconds")
    int messages_time_period() default 10;

    @AttributeDefinition(description = "Password for /query admin; empty disables it")
    String passwd() default "";

    @AttributeDefinition(description = "Clients older than this are told a newer version is out; empty: no alert")
    String recommended_version() default "";

    @AttributeDefinition(description = "wesnothd [redirect] blocks, one per entry as key=value;key=value "
            + "(version= holds the client versions to send away; every attribute is passed to the client)")
    String[] redirect() default {};

    @AttributeDefinition(description = "Write each played scenario as a bzip2 replay, as wesnothd does")
    boolean save_replays() default false;

    @AttributeDefinition(description = "Prefix of replay file names (a folder ends with /); relative to the home")
    String replay_save_path() default "";

    @AttributeDefinition(description = "Where bans are kept (wesnothd's gzip WML ban file); relative to the home")
    String ban_save_file() default "data/bans.gz";

    @AttributeDefinition(description = "Logged-in players allowed from one IP address (checked at connect); 0 = unlimited")
    int connections_allowed() default 5;

    @AttributeDefinition(description = "Let moderators run shut_down and restart (otherwise only the console may)")
    boolean allow_remote_shutdown() default false;

    @AttributeDefinition(description = "Shell command that restart runs to start the new server instance")
    String restart_command() default "";

    @AttributeDefinition(description = "wesnothd [ban_time] blocks as name=time entries (e.g. short=2m): names for ban times")
    String[] ban_times() default {};

    @AttributeDefinition(description = "Only registered nicks may log in (the dul command changes it at run time)")
    boolean deny_unregistered_login() default false;

    @AttributeDefinition(description = "Wrong passwords allowed from one address within failed_logins_ban seconds; "
            + "one more bans the address")
    int failed_logins_limit() default 10;

    @AttributeDefinition(description = "Seconds over which wrong passwords are counted, and the length of the ban")
    int failed_logins_ban() default 3600;

    @AttributeDefinition(description = "Logins kept for searchlog")
    int max_ip_log_size() default 500;

    @AttributeDefinition(description = "File of IP addresses (one per line) refused as 'TOR IP'; relative to the home")
    String tor_ip_list_path() default "";

    @AttributeDefinition(description = "If above 0: seconds after the last player leaves before the server exits")
    int lan_server() default 0;

    // Tavern's own keys (no server.cfg equivalent): how plugins are kept from hurting players.

    @AttributeDefinition(description = "How long a plugin's filter, rule or listener call may take (ms); "
            + "a slower call counts as a failure and as pass/allow")
    long plugin_call_budget_ms() default 200;

    @AttributeDefinition(description = "Failures (throws, timeouts) within plugin_failure_window_s that switch a plugin off")
    int plugin_max_failures() default 5;

    @AttributeDefinition(description = "The window (s) in which plugin_max_failures switch a plugin off")
    long plugin_failure_window_s() default 60;
}
