package org.tavern.lobby.internal;

import java.util.concurrent.ThreadLocalRandom;
import org.tavern.wml.Node;

/**
 * {@code [query] type="<command>"}: the commands every player may use. The reply is always a
 * {@code [message] sender="server" type="info"}. Administrator commands arrive with the admin issue.
 */
final class QueryCommand implements LobbyCommand {

    static final String HELP = "Available commands are: adminmsg <msg>, help, games, metrics, motd, requests, "
            + "roll <sides>, sample, stats, status, version, wml.";

    @Override
    public String tag() {
        return "query";
    }

    @Override
    public void handle(Lobby lobby, User user, Node element) {
        String command = element.text("type").trim();
        String reply = answer(lobby, user, command);
        if (reply != null) {
            user.connection.send(ServerMessages.message(reply, "info"));
        }
    }

    /** The reply text, or null when a reply of another shape was sent already. */
    private String answer(Lobby lobby, User user, String command) {
        String word = command.contains(" ") ? command.substring(0, command.indexOf(' ')) : command;
        String argument = command.substring(word.length()).trim();
        switch (word) {
            case "", "help":
                return HELP;
            case "motd":
                if (!argument.isEmpty()) {
                    break;
                }
                String motd = lobby.settings().motd();
                return motd.isEmpty() ? "No message of the day set." : "Message of the day:\n" + motd;
            case "stats":
                return "Number of games = " + lobby.gameCount() + "\nTotal number of users = " + lobby.userCount();
            case "version":
                if (argument.isEmpty()) {
                    return "Server version is " + ServerMessages.SERVER_VERSION;
                }
                User other = lobby.user(argument);
                return other == null ? "Player '" + argument + "' not found."
                        : "Player " + other.name + " is using wesnoth " + other.clientVersion;
            case "roll":
                return roll(argument);
            case "admin":
                return admin(lobby, user, argument);
            case "signout":
                if (user.moderator) {
                    user.moderator = false;
                    return "You are no longer recognized as an administrator.";
                }
                break;
            default:
                break;
        }
        return "Error: unrecognized query: '" + command + "'\n" + HELP;
    }

    private static String roll(String argument) {
        int sides;
        try {
            sides = Integer.parseInt(argument);
        } catch (NumberFormatException e) {
            return argument.matches("[+-]?\\d+") ? "The number of sides is too big for the die!"
                    : "The number of die sides must be a number!";
        }
        if (sides < 1) {
            return "The die cannot have less than 1 side!";
        }
        int result = ThreadLocalRandom.current().nextInt(sides) + 1;
        return "You rolled a die [1 - " + sides + "] and got a " + result
                + ". (The result is shown to others only in a game.)";
    }

    private static String admin(Lobby lobby, User user, String password) {
        String configured = lobby.settings().adminPassword();
        if (configured.isEmpty()) {
            user.connection.send(ServerMessages.message("No password set.", "error"));
            return null;
        }
        if (!configured.equals(password)) {
            return "Error: wrong password";
        }
        user.moderator = true;
        return "You are now recognized as an administrator.";
    }
}
