package org.tavern.api;

/**
 * Who runs an administrator command: a player through {@code /query}, or the server's console (the
 * Gogo shell, the fifo), which wesnothd calls {@code *socket*}.
 *
 * @param name the player's nick, or {@link #CONSOLE_NAME}
 * @param console whether it comes from the console (which may run everything)
 * @param moderator whether the player is a moderator (always true for the console)
 */
public record CommandIssuer(String name, boolean console, boolean moderator) {

    /** The issuer's name for commands from the console, as wesnothd names its fifo. */
    public static final String CONSOLE_NAME = "*socket*";

    public static CommandIssuer fromConsole() {
        return new CommandIssuer(CONSOLE_NAME, true, true);
    }

    public static CommandIssuer player(String nick, boolean moderator) {
        return new CommandIssuer(nick, false, moderator);
    }

    /** Whether this issuer may run a command needing {@code permission}. */
    public boolean may(Permission permission) {
        return switch (permission) {
            case EVERYONE -> true;
            case MODERATOR -> console || moderator;
            case CONSOLE -> console;
        };
    }
}
