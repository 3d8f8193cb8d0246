package org.tavern.lobby.internal.command;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tavern.lobby.internal.admin.ModeratorCommand;
import org.tavern.lobby.internal.admin.ModeratorCommands;
import org.tavern.lobby.internal.admin.ShutdownCommand;
import org.tavern.lobby.internal.common.ServerMessages;
import org.tavern.lobby.internal.lobby.AdminContext;
import org.tavern.lobby.internal.lobby.LobbyCommand;
import org.tavern.lobby.internal.lobby.PlayerContext;
import org.tavern.lobby.internal.lobby.User;
import org.tavern.lobby.internal.plugin.PluginCommands;
import org.tavern.lobby.internal.query.AdminMessageQuery;
import org.tavern.lobby.internal.query.AdminQuery;
import org.tavern.lobby.internal.query.GamesQuery;
import org.tavern.lobby.internal.query.HelpQuery;
import org.tavern.lobby.internal.query.MetricsQuery;
import org.tavern.lobby.internal.query.MotdQuery;
import org.tavern.lobby.internal.query.PlayerQuery;
import org.tavern.lobby.internal.query.RequestsQuery;
import org.tavern.lobby.internal.query.RollQuery;
import org.tavern.lobby.internal.query.SampleQuery;
import org.tavern.lobby.internal.query.SignoutQuery;
import org.tavern.lobby.internal.query.StatsQuery;
import org.tavern.lobby.internal.query.StatusQuery;
import org.tavern.lobby.internal.query.VersionQuery;
import org.tavern.lobby.internal.query.WmlQuery;
import org.tavern.wml.Node;

/**
 * {@code [query] type="<command> <argument>"}: finds the command by its first word and sends its
 * reply as {@code [message] sender="server" type=...}. Unknown commands and wrong arguments get
 * wesnothd's {@code Error: unrecognized query} with the help text. Administrator commands (for
 * moderators) come with the admin module.
 */
public final class QueryCommand implements LobbyCommand {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(QueryCommand.class);

    private final Map<String, PlayerQuery> queries = new HashMap<>();
    private final Map<String, ModeratorCommand> adminCommands = new HashMap<>();
    /** What the queries and the moderator commands run against. */
    private final AdminContext context;

    public QueryCommand(AdminContext context) {
        this.context = context;
        for (PlayerQuery query : List.of(new HelpQuery(), new StatusQuery(), new GamesQuery(), new MetricsQuery(),
                new MotdQuery(), new RequestsQuery(), new SampleQuery(), new StatsQuery(), new WmlQuery(),
                new VersionQuery(), new RollQuery(), new AdminMessageQuery("adminmsg"),
                new AdminMessageQuery("report"), new AdminQuery(), new SignoutQuery())) {
            queries.put(query.name(), query);
        }
        for (ModeratorCommand command : ModeratorCommands.builtIn()) {
            for (String name : command.names()) {
                adminCommands.put(name, command);
            }
        }
    }

    @Override
    public String tag() {
        return "query";
    }

    @Override
    public void handle(PlayerContext lobby, User user, Node element) {
        String command = element.text("type").trim();
        int space = command.indexOf(' ');
        String word = space < 0 ? command : command.substring(0, space);
        String argument = space < 0 ? "" : command.substring(space + 1).trim();
        PlayerQuery query = queries.get(word.isEmpty() ? "help" : word);
        PlayerQuery.Reply reply = query == null ? null : query.answer(context, user, argument);
        if (user.moderator && !answersModeratorAsPlayer(word, reply)) {
            // Run with his nick as the issuer; what the command left to do follows its reply.
            ModeratorCommand admin = adminCommands.get(word.toLowerCase(java.util.Locale.ROOT));
            LOG.info("Admin Command: type: {}\tIP: {}\tnick: {}", loggable(lobby, admin, word, argument),
                    user.connection.remoteIp(), user.name);
            if (admin == null && runPluginCommand(lobby, user, word, argument)) {
                return;
            }
            if (admin == null) {
                user.connection.send(ServerMessages.message("Command '" + word + "' is not recognized.\n"
                        + ModeratorCommand.HELP + lobby.pluginCommands().helpFor(issuer(user)), "info"));
                return;
            }
            org.tavern.api.CommandIssuer issuer = org.tavern.api.CommandIssuer.player(user.name, true);
            lobby.runAdminCommand(() -> admin.execute(context, issuer, argument),
                    text -> user.connection.send(ServerMessages.message(text, "info")));
            return;
        }
        if (reply == null && runPluginCommand(lobby, user, word, argument)) {
            return;
        }
        if (reply == null) {
            reply = PlayerQuery.Reply.info("Error: unrecognized query: '" + command + "'\n" + PlayerQuery.HELP
                    + lobby.pluginCommands().helpFor(issuer(user)));
        }
        user.connection.send(ServerMessages.message(reply.text(), reply.type()));
    }

    /**
     * A moderator's command as the log may show it, as wesnothd logs it: the arguments of a plugin's
     * command with its secrets redacted, and an unknown word without its arguments (a mistyped
     * command may carry a password).
     */
    private static String loggable(PlayerContext lobby, ModeratorCommand admin, String word, String argument) {
        if (argument.isEmpty() || admin != null) {
            return argument.isEmpty() ? word : word + " " + argument;
        }
        org.tavern.api.AdminCommand plugin = word.isEmpty() ? null : lobby.pluginCommands().find(word);
        return plugin == null ? word : word + " " + plugin.loggableArguments(argument);
    }

    private static org.tavern.api.CommandIssuer issuer(User user) {
        return org.tavern.api.CommandIssuer.player(user.name, user.moderator);
    }

    /**
     * A plugin's command of that name, if the player may run it: runs it and answers later. One he
     * may not run is as unknown to him as any other word, except that a moderator is told why.
     */
    private static boolean runPluginCommand(PlayerContext lobby, User user, String word, String argument) {
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
        PluginCommands.run(command, issuer, argument, user.connection, lobby::execute);
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
}
