package org.tavern.lobby.internal;

import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.api.CommandIssuer;
import org.tavern.api.Permission;
import org.tavern.lobby.internal.lobby.Lobby;
import org.tavern.lobby.internal.admin.ModeratorCommand;
import org.tavern.lobby.internal.admin.ModeratorCommands;

/**
 * One of the server's own administrator commands offered as an {@link org.tavern.api.AdminCommand}
 * service: it runs on the lobby actor, as it does for a moderator's {@code /query}, and what the
 * command left to do (sending a kicked player away) follows its answer.
 */
@Component(factory = ModeratorCommandService.FACTORY, service = org.tavern.api.AdminCommand.class)
public final class ModeratorCommandService implements org.tavern.api.AdminCommand {

    /** The component factory {@link BuiltInAdminCommands} makes one instance of this per command with. */
    static final String FACTORY = "tavern.lobby.moderator-command";
    /** The service property naming the command (as plugins' commands name theirs). */
    static final String NAME_PROPERTY = "tavern.command.name";

    private static final Logger LOG = LoggerFactory.getLogger(ModeratorCommandService.class);

    private final Lobby lobby;
    private final ModeratorCommand command;

    @Activate
    public ModeratorCommandService(@Reference LobbyHandle running, Map<String, Object> properties) {
        this(running.lobby(), ModeratorCommands.named(String.valueOf(properties.get(NAME_PROPERTY))));
    }

    public ModeratorCommandService(Lobby lobby, ModeratorCommand command) {
        this.lobby = lobby;
        this.command = command;
    }

    @Override
    public String name() {
        return command.names().get(0);
    }

    @Override
    public List<String> aliases() {
        return command.names().subList(1, command.names().size());
    }

    @Override
    public String usage() {
        return command.usage();
    }

    @Override
    public Permission permission() {
        return Permission.MODERATOR;
    }

    @Override
    public CompletionStage<String> execute(CommandIssuer issuer, String arguments) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        lobby.execute(() -> {
            try {
                lobby.runAdminCommand(() -> command.execute(lobby, issuer, arguments.trim()), answer::complete);
            } catch (RuntimeException e) {
                LOG.error("Admin command '{} {}' from {} failed", name(), arguments, issuer.name(), e);
                answer.complete("Command '" + name() + "' failed: " + e);
            }
        });
        return answer;
    }
}
