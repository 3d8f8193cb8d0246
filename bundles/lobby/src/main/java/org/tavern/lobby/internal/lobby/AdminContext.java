package org.tavern.lobby.internal.lobby;

import java.util.function.Consumer;
import org.tavern.api.CommandIssuer;
import org.tavern.lobby.internal.ban.BanList;
import org.tavern.lobby.internal.ban.IpLog;
import org.tavern.lobby.internal.ban.StoredBans;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.lobby.internal.game.Game;

/**
 * What a moderator command may do to the lobby, beyond what a query reads (lobby actor). A command
 * whose answer waits for another actor or the store answers through {@link #deferReply}.
 */
public interface AdminContext extends QueryContext {

    /** Runs a task on the lobby actor. */
    void execute(Runnable task);

    void updateSettings(Settings settings);

    /** The game of that id, or null. */
    Game game(int id);

    BanList bans();

    StoredBans storedBans();

    IpLog ipLog();

    boolean denyUnregistered();

    void setDenyUnregistered(boolean deny);

    /** For the running command: its answer is sent later, through what this returns. */
    Consumer<String> deferReply();

    /**
     * As {@link #deferReply}, and until the answer is sent the documents of a player who issued it
     * wait, so whatever he asks next is answered after it, in order.
     */
    Consumer<String> deferReplyInOrder(CommandIssuer issuer);

    /** The player is told, and right after the command's reply leaves the lobby and his game at once. */
    void sendAway(User user, String notice, String reason);

    /** An alert to every player, in the lobby and in games; nothing when the text is blank. */
    void alertEveryone(String text);

    void shutDownNow(String reason);

    /** No new connections or games; the players are told; the server exits once no game is left. */
    void shutDownGracefully(CommandIssuer issuer, String notice);

    void restart(CommandIssuer issuer, String command, String notice);
}
