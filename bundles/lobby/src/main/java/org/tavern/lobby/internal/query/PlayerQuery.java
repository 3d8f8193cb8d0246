package org.tavern.lobby.internal.query;

import org.tavern.lobby.internal.lobby.QueryContext;
import org.tavern.lobby.internal.lobby.User;

/**
 * One {@code /query} command a player may use (one class each, found by name in
 * the query command). Runs on the lobby actor.
 */
public interface PlayerQuery {

    /** wesnothd's help for players, sent with an unknown query. */
    String HELP = "Available commands are: adminmsg <msg>, help, games, metrics, motd, requests, "
            + "roll <sides>, sample, stats, status, version, wml.";

    /** The reply: its text and its {@code type} attribute ({@code info} for all but a few errors). */
    record Reply(String text, String type) {
        public static Reply info(String text) {
            return new Reply(text, "info");
        }
    }

    /** The command word ({@code status}, {@code roll}, ...). */
    String name();

    /** The reply, or null when the arguments do not fit (the player then gets the help text). */
    Reply answer(QueryContext lobby, User user, String argument);
}
