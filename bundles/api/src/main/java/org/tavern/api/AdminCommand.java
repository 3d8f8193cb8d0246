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
     * Runs the command and answers with the text the issuer sees. Called only for issuers that
     * {@link CommandIssuer#may may} run it; must not block the caller (do slow work elsewhere).
     *
     * @param arguments everything after the command's name, trimmed
     */
    CompletionStage<String> execute(CommandIssuer issuer, String arguments);
}
