package org.tavern.lobby.internal.admin;

import java.util.List;
import org.tavern.api.CommandIssuer;
import org.tavern.lobby.internal.lobby.AdminContext;

/**
 * One wesnothd administrator command (one class each). Runs on the lobby actor and answers with the
 * text wesnothd prints; ModeratorCommandService (in the wiring) offers each as an
 * {@link org.tavern.api.AdminCommand} service, so {@code /query}, the Gogo shell and the fifo reach
 * this one implementation.
 */
public interface ModeratorCommand {

    /** wesnothd's admin help, listed when a command is unknown. */
    String HELP = "Available commands are: adminmsg <msg>, ban <mask> <time> <reason>, bans [deleted] [<ipmask>], "
            + "clones, dul|deny_unregistered_login [yes|no], kick <mask> [<reason>], k[ick]ban <mask> <time> <reason>, "
            + "help, games, metrics, [lobby]msg <message>, motd [<message>], pm|privatemsg <nickname> <message>, "
            + "requests, roll <sides>, sample, searchlog <mask>, signout, stats, status [<mask>], "
            + "stopgame <nick> [<reason>], unban <ipmask>\nSpecific strings (those not in between <> like the "
            + "command names) are case insensitive.";

    /** The command's names, lower case: its own first, then its aliases. */
    List<String> names();

    /** One line of usage, in wesnothd's help notation. */
    String usage();

    String execute(AdminContext lobby, CommandIssuer issuer, String arguments);
}
