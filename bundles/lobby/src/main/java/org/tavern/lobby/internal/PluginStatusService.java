package org.tavern.lobby.internal;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tavern.api.AdminCommand;
import org.tavern.api.CommandIssuer;
import org.tavern.api.Permission;
import org.tavern.lobby.internal.plugin.PluginStatusCommand;

/** {@code pluginstatus} as an admin command service (Gogo {@code tavern:pluginstatus}, the fifo). */
@Component(service = AdminCommand.class, property = "tavern.command.name=pluginstatus")
public final class PluginStatusService implements AdminCommand {

    private final PluginStatusCommand command;

    @Activate
    public PluginStatusService(@Reference LobbyHandle running) {
        command = new PluginStatusCommand(running.plugins());
    }

    @Override
    public String name() {
        return command.name();
    }

    @Override
    public List<String> aliases() {
        return command.aliases();
    }

    @Override
    public String usage() {
        return command.usage();
    }

    @Override
    public Permission permission() {
        return command.permission();
    }

    @Override
    public CompletionStage<String> execute(CommandIssuer issuer, String arguments) {
        return command.execute(issuer, arguments);
    }
}
