package org.tavern.api;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An administrator command, as a service. The server's own commands (kick, ban, status, ...) are
 * registered this way, and so can a plugin's: each appears as {@code /query <name>} for those its
 * {@link #permission()} allows, as the Gogo command {@code tavern:<name>} and on the fifo, all
 * reaching this one implementation.
 */
@ConsumerType
public interface AdminCommand {

    /** The command's name: one lower-case word. */
    String name();

    /** Other names for the same command ({@code kban} for {@code kickban}). */
    default List<String> aliases() {
        return List.of();
    }

    /** One line of usage, as {@code help} and {@code tavern:<name> -h} show it. */
    String usage();

    Permission permission();

    /**
     * Where this command's secrets (passwords) start among its arguments: 0 for the first word
     * after the name, 1 for the second, and so on; that word and every one after it are secrets.
     * Wherever a command line is logged or kept in a shell history (the Gogo and SSH consoles, the
     * fifo, {@code /query}) they are written as {@value #REDACTED}. {@link #NO_SECRETS} (the
     * default): the command takes none.
     *
     * @since 1.4
     */
    default int secretArgumentsFrom() {
        return NO_SECRETS;
    }

    /** {@link #secretArgumentsFrom()} of a command that takes no secret. */
    int NO_SECRETS = -1;

    /**
     * Service property: {@code true} on the commands of the server's own bundles beyond wesnothd's
     * (the identity store's {@code register}, {@code passwd}). They are reached by {@code /query} like
     * a plugin's, but not listed under "Plugin commands" in the lobby's help texts, so a moderator's
     * replies stay wesnothd's word for word.
     *
     * @since 1.4
     */
    String SERVER_COMMAND_PROPERTY = "tavern.command.server";

    /** What a secret argument is written as in logs and histories. */
    String REDACTED = "****";

    /**
     * {@code arguments} as they may be logged: the secret words (see {@link #secretArgumentsFrom()})
     * replaced by {@value #REDACTED}, words separated by one space.
     *
     * @since 1.4
     */
    default String loggableArguments(String arguments) {
        int from = secretArgumentsFrom();
        if (from < 0) {
            return arguments;
        }
        String[] words = arguments.strip().split("\\s+");
        if (words.length <= from || words[0].isEmpty()) {
            return arguments;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            text.append(i == 0 ? "" : " ").append(i < from ? words[i] : REDACTED);
        }
        return text.toString();
    }

    /**
     * Runs the command and answers with the text the issuer sees. Called only for issuers that
     * {@link CommandIssuer#may may} run it; must not block the caller (do slow work elsewhere).
     *
     * @param arguments everything after the command's name, trimmed
     */
    CompletionStage<String> execute(CommandIssuer issuer, String arguments);
}
