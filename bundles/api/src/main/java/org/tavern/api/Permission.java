package org.tavern.api;

/** Who may run an {@link AdminCommand}. */
public enum Permission {
    /** Any logged-in player, through {@code /query}, and the console. */
    EVERYONE,
    /** Moderators (after {@code /query admin <password>}) and the console. */
    MODERATOR,
    /** Only the server's console: the Gogo shell and the fifo. */
    CONSOLE
}
