package org.tavern.lobby.internal.command;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tavern.wml.Node;
import org.tavern.lobby.internal.admin.AdminHelpCommand;
import org.tavern.lobby.internal.admin.AdminMessageCommand;
import org.tavern.lobby.internal.query.AdminMessageQuery;
import org.tavern.lobby.internal.query.AdminQuery;
import org.tavern.lobby.internal.admin.AdminStatusCommand;
import org.tavern.lobby.internal.admin.BanCommand;
import org.tavern.lobby.internal.admin.BansCommand;
import org.tavern.lobby.internal.admin.ClonesCommand;
import org.tavern.lobby.internal.admin.ConsoleQueryCommand;
import org.tavern.lobby.internal.admin.DenyUnregisteredCommand;
import org.tavern.lobby.internal.query.GamesQuery;
import org.tavern.lobby.internal.admin.GroupBanCommand;
import org.tavern.lobby.internal.query.HelpQuery;
import org.tavern.lobby.internal.admin.KickCommand;
import org.tavern.lobby.internal.lobby.Lobby;
import org.tavern.lobby.internal.admin.LobbyMessageCommand;
import org.tavern.lobby.internal.query.MetricsQuery;
import org.tavern.lobby.internal.admin.ModeratorCommand;
import org.tavern.lobby.internal.admin.MotdCommand;
import org.tavern.lobby.internal.query.MotdQuery;
import org.tavern.lobby.internal.query.PlayerQuery;
import org.tavern.lobby.internal.plugin.PluginCommands;
import org.tavern.lobby.internal.admin.PrivateMessageCommand;
import org.tavern.lobby.internal.query.RequestsQuery;
import org.tavern.lobby.internal.admin.RestartCommand;
import org.tavern.lobby.internal.query.RollQuery;
import org.tavern.lobby.internal.admin.SampleCommand;
import org.tavern.lobby.internal.query.SampleQuery;
import org.tavern.lobby.internal.admin.SearchLogCommand;
import org.tavern.lobby.internal.common.ServerMessages;
import org.tavern.lobby.internal.admin.ShutdownCommand;
import org.tavern.lobby.internal.query.SignoutQuery;
import org.tavern.lobby.internal.query.StatsQuery;
import org.tavern.lobby.internal.query.StatusQuery;
import org.tavern.lobby.internal.admin.StopGameCommand;
import org.tavern.lobby.internal.admin.UnbanCommand;
import org.tavern.lobby.internal.admin.UngroupBanCommand;
import org.tavern.lobby.internal.lobby.User;
import org.tavern.lobby.internal.query.VersionQuery;
import org.tavern.lobby.internal.query.WmlQuery;

/**
 * {@code [query] type="<command> <argument>"}: finds the command by its first word and sends its
 * reply as {@code [message] sender="server" type=...}. Unknown commands and wrong arguments get
 * wesnothd's {@code Error: unrecognized query} with the help text. Administrator commands (for
 * moderators) come with the admin module.
 */
public final class QueryCommand implements LobbyCommand {

    public static final String HELP = "Available commands are: adminmsg <msg>, help, games, metrics, motd, requests, "
            + "roll <sides>, sample, stats, status, version, wml.";

    private final Map<String, PlayerQuery> queries = new HashMap<>();
    private final Map<String, ModeratorCommand> adminCommands = new HashMap<>();

    public QueryCommand() {
        for (PlayerQuery query : List.of(new HelpQuery(), new StatusQuery(), new GamesQuery(), new MetricsQuery(),
                new MotdQuery(), new RequestsQuery(), new SampleQuery(), new StatsQuery(), new WmlQuery(),
                new VersionQuery(), new RollQuery(), new AdminMessageQuery("adminmsg"),
                new AdminMessageQuery("report"), new AdminQuery(), new SignoutQuery())) {
            queries.put(query.name(), query);
        }
        for (ModeratorCommand command : builtInAdminCommands()) {
            for (String name : command.names()) {
                adminCommands.put(name, command);
            }
        }
    }

    /** The server's own administrator commands, one instance each. */
    public static List<ModeratorCommand> builtInAdminCommands() {
        return List.of(new KickCommand(), new BanCommand(false), new BanCommand(true), new GroupBanCommand(),
                new UnbanCommand(), new UngroupBanCommand(), new BansCommand(), new LobbyMessageCommand(),
                new PrivateMessageCommand(), new DenyUnregisteredCommand(), new MotdCommand(), new AdminStatusCommand(),
                new ClonesCommand(), new SearchLogCommand(), new StopGameCommand(), new SampleCommand(),
                new AdminMessageCommand(), new AdminHelpCommand(), new ShutdownCommand(), new RestartCommand(),
                new ConsoleQueryCommand(new StatsQuery(), "stats"), new ConsoleQueryCommand(new MetricsQuery(), "metrics"),
                new ConsoleQueryCommand(new RequestsQuery(), "requests"),
                new ConsoleQueryCommand(new GamesQuery(), "games"),
                new ConsoleQueryCommand(new RollQuery(), "roll <sides>"),
                new ConsoleQueryCommand(new WmlQuery(), "wml"));
    }

    @Override
    public String tag() {
        return "query";
    }

    @Override
    public void handle(Lobby lobby, User user, Node element) {
        String command = element.text("type").trim();
        int space = command.indexOf(' ');
        String word = space < 0 ? command : command.substring(0, space);
        String argument = space < 0 ? "" : command.substring(space + 1).trim();
        PlayerQuery query = queries.get(word.isEmpty() ? "help" : word);
        PlayerQuery.Reply reply = query == null ? null : query.answer(lobby, user, argument);
        if (user.moderator && !answersModeratorAsPlayer(word, reply)) {
            // Run with his nick as the issuer; what the command left to do follows its reply.
            ModeratorCommand admin = adminCommands.get(word.toLowerCase(java.util.Locale.ROOT));
            if (admin == null && runPluginCommand(lobby, user, word, argument)) {
                return;
            }
            if (admin == null) {
                user.connection.send(ServerMessages.message("Command '" + word + "' is not recognized.\n"
                        + ModeratorCommand.HELP + lobby.pluginCommands().helpFor(issuer(user)), "info"));
                return;
            }
            lobby.runAdminCommand(admin, org.tavern.api.CommandIssuer.player(user.name, true), argument,
                    text -> user.connection.send(ServerMessages.message(text, "info")));
            return;
        }
        if (reply == null && runPluginCommand(lobby, user, word, argument)) {
            return;
        }
        if (reply == null) {
            reply = PlayerQuery.Reply.info("Error: unrecognized query: '" + command + "'\n" + HELP
                    + lobby.pluginCommands().helpFor(issuer(user)));
        }
        user.connection.send(ServerMessages.message(reply.text(), reply.type()));
    }

    private static org.tavern.api.CommandIssuer issuer(User user) {
        return org.tavern.api.CommandIssuer.player(user.name, user.moderator);
    }

    /**
     * A plugin's command of that name, if the player may run it: runs it and answers later. One he
     * may not run is as unknown to him as any other word, except that a moderator is told why.
     */
    private static boolean runPluginCommand(Lobby lobby, User user, String word, String argument) {
        org.tavern.api.AdminCommand command = word.isEmpty() ? null : lobby.pluginCommands().find(word);
        if (command == null) {
            return false;
        }
        org.tavern.api.CommandIssuer issuer = issuer(user);
        if (!issuer.may(command.permission())) {
            if (!user.moderator) {
                return false;
            }
            user.connection.send(ServerMessages.message(ShutdownCommand.NOT_ALLOWED, "info"));
            return true;
        }
        PluginCommands.run(lobby, user, command, issuer, argument);
        return true;
    }

    /**
     * As wesnothd answers a moderator: a player query that fits its arguments ({@code status},
     * {@code games}, {@code roll 6}, ...) as for anyone, except {@code help}; everything else
     * ({@code status <mask>}, {@code motd <text>}, {@code ban ...}, an empty query) as an
     * administrator command.
     */
    private static boolean answersModeratorAsPlayer(String word, PlayerQuery.Reply reply) {
        return reply != null && !word.isEmpty() && !word.equals("help");
    }

    /**
     * wesnothd's durations: "expired" under a second (its formatter treats a zero span as an expired
     * ban), "12 seconds" under a minute, else "[D days, ]H hours, M minutes".
     */
    public static String span(long millis) {
        long seconds = millis / 1000;
        if (seconds <= 0) {
            return "expired";
        }
        if (seconds < 60) {
            return seconds + " seconds";
        }
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        return (days > 0 ? days + " days, " : "") + hours + " hours, " + minutes + " minutes";
    }
}
