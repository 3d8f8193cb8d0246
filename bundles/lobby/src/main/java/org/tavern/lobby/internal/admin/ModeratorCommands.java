package org.tavern.lobby.internal.admin;

import java.util.List;
import org.tavern.lobby.internal.query.GamesQuery;
import org.tavern.lobby.internal.query.MetricsQuery;
import org.tavern.lobby.internal.query.RequestsQuery;
import org.tavern.lobby.internal.query.RollQuery;
import org.tavern.lobby.internal.query.StatsQuery;
import org.tavern.lobby.internal.query.WmlQuery;

/** The server's own moderator commands. */
public final class ModeratorCommands {

    private ModeratorCommands() {
    }

    /** The server's own administrator commands, one instance each. */
    public static List<ModeratorCommand> builtIn() {
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

    /** The built-in command whose first name this is. */
    public static ModeratorCommand named(String name) {
        for (ModeratorCommand command : builtIn()) {
            if (command.names().get(0).equals(name)) {
                return command;
            }
        }
        throw new IllegalArgumentException("No built-in admin command '" + name + "'");
    }
}
