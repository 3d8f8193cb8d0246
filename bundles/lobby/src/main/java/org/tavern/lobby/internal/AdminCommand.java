package org.tavern.lobby.internal;

import java.util.List;

/**
 * One wesnothd administrator command (one class each), run for a moderator's {@code /query} with his
 * nick as the issuer. Runs on the lobby actor and answers with the text wesnothd prints.
 */
interface AdminCommand {

    /** wesnothd's admin help, listed when a command is unknown. */
    String HELP = "Available commands are: adminmsg <msg>, ban <mask> <time> <reason>, bans [deleted] [<ipmask>], "
            + "clones, dul|deny_unregistered_login [yes|no], kick <mask> [<reason>], k[ick]ban <mask> <time> <reason>, "
            + "help, games, metrics, [lobby]msg <message>, motd [<message>], pm|privatemsg <nickname> <message>, "
            + "requests, roll <sides>, sample, searchlog <mask>, signout, stats, status [<mask>], "
            + "stopgame <nick> [<reason>], unban <ipmask>\nSpecific strings (those not in between <> like the "
            + "command names) are case insensitive.";

    /** The command's names (aliases included), lower case. */
    List<String> names();

    String execute(Lobby lobby, String issuer, String arguments);
}
