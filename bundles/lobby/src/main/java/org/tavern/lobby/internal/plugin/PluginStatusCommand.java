package org.tavern.lobby.internal.plugin;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.tavern.api.AdminCommand;
import org.tavern.api.CommandIssuer;
import org.tavern.api.Permission;

/**
 * {@code pluginstatus} (Gogo {@code tavern:pluginstatus}, the fifo): every plugin filter, rule and
 * listener the lobby calls, in calling order, with its calls, failures and whether it was switched off.
 */
public final class PluginStatusCommand implements AdminCommand {

    private final Plugins plugins;

    public PluginStatusCommand(Plugins plugins) {
        this.plugins = plugins;
    }

    @Override
    public String name() {
        return "pluginstatus";
    }

    @Override
    public String usage() {
        return "pluginstatus";
    }

    @Override
    public Permission permission() {
        return Permission.CONSOLE;
    }

    @Override
    public CompletionStage<String> execute(CommandIssuer issuer, String arguments) {
        List<String> lines = plugins.status();
        return CompletableFuture.completedFuture(lines.isEmpty() ? "No plugin filters, rules or listeners."
                : String.join("\n", lines));
    }
}
