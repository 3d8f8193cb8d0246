package org.tavern.identity.internal.command;

import java.util.concurrent.CompletionStage;
import org.tavern.api.AdminCommand;
import org.tavern.api.CommandIssuer;
import org.tavern.api.Permission;

/**
 * What the identity's admin commands ({@code register}, {@code passwd}) share: a moderator's
 * command whose arguments from {@link #secretArgumentsFrom} on are a password, run off the caller's
 * thread on a worker of its own, since hashing a password takes a while.
 */
abstract class AccountAdminCommand implements AdminCommand {

    private final String name;
    private final String usage;
    private final int secretArgumentsFrom;
    private final AccountCommandWorker worker;

    AccountAdminCommand(String name, String usage, int secretArgumentsFrom) {
        this.name = name;
        this.usage = usage;
        this.secretArgumentsFrom = secretArgumentsFrom;
        this.worker = new AccountCommandWorker(name);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String usage() {
        return usage;
    }

    @Override
    public final Permission permission() {
        return Permission.MODERATOR;
    }

    @Override
    public final int secretArgumentsFrom() {
        return secretArgumentsFrom;
    }

    @Override
    public final CompletionStage<String> execute(CommandIssuer issuer, String arguments) {
        String[] words = arguments.isBlank() ? new String[0] : arguments.strip().split("\\s+");
        return worker.submit(() -> run(issuer, words));
    }

    /** The answer to the command's words, on the worker. */
    abstract String run(CommandIssuer issuer, String[] words);

    /** Stops the worker; each command calls it from its own {@code @Deactivate} (DS reads the component class only). */
    final void stopWorker() {
        worker.close();
    }
}
