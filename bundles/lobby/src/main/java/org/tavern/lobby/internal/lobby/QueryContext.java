package org.tavern.lobby.internal.lobby;

import java.util.List;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.lobby.internal.plugin.PluginCommands;

/** What a player's {@code /query} may read of the lobby, and the one change it may make (lobby actor). */
public interface QueryContext {

    Settings settings();

    long nowMillis();

    /** Every logged-in player. */
    List<User> users();

    /** The logged-in player of that name, or null. */
    User user(String name);

    int userCount();

    int gameCount();

    /** Each version line with players, oldest first, and its figures. */
    List<org.tavern.api.LineFigures> lineFigures();

    LobbyStatistics statistics();

    /** The {@code wml} query's text: the shared lobby list document. */
    /** The size of the list {@code user}'s line mirrors (null: the console, told of the first line). */
    String listStatistics(User user);

    /** Admin commands of other bundles, for help texts. */
    PluginCommands pluginCommands();

    /** {@code /query admin} and {@code signout}: the role changes (the lobby list keeps its login value). */
    void setModerator(User user, boolean moderator);
}
