package org.tavern.lobby.internal.plugin;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.api.AdminCommand;
import org.tavern.api.CommandIssuer;
import org.tavern.api.Permission;
import org.tavern.lobby.internal.common.ServerMessages;

/**
 * Administrator commands other bundles (plugins) register as {@link AdminCommand} services, found by
 * name for {@code /query}. Written by the service tracker's thread, read by the lobby actor; a
 * command that fails or does not answer in time is answered for, never waited on by the lobby.
 */
public final class PluginCommands {

    private static final Logger LOG = LoggerFactory.getLogger(PluginCommands.class);

    /** How long a plugin's command may take before its issuer is told it did not answer. */
    static final long ANSWER_TIMEOUT_SECONDS = 10;

    private final Map<String, AdminCommand> byName = new ConcurrentHashMap<>();
    /** The server's own extra commands: reachable, but not in the help's "Plugin commands" line. */
    private final Set<AdminCommand> unlisted = ConcurrentHashMap.newKeySet();

    public void add(AdminCommand command) {
        add(command, true);
    }

    /** {@code listed}: whether the help texts name it (a plugin's), or not (the server's own extras). */
    public void add(AdminCommand command, boolean listed) {
        if (!listed) {
            unlisted.add(command);
        }
        for (String name : names(command)) {
            AdminCommand earlier = byName.putIfAbsent(name, command);
            if (earlier != null && earlier != command) {
                LOG.warn("Admin command name '{}' is taken; the later command of that name is not reachable by it", name);
            }
        }
    }

    public void remove(AdminCommand command) {
        byName.values().removeIf(registered -> registered == command);
        unlisted.remove(command);
    }

    public AdminCommand find(String word) {
        return byName.get(word.toLowerCase(Locale.ROOT));
    }

    /** The usage lines of the commands this issuer may run, for the help texts; empty if none. */
    public String helpFor(CommandIssuer issuer) {
        Map<String, String> usages = new TreeMap<>();
        for (AdminCommand command : byName.values()) {
            if (issuer.may(command.permission()) && command.permission() != Permission.CONSOLE
                    && !unlisted.contains(command)) {
                usages.put(command.name(), command.usage());
            }
        }
        return usages.isEmpty() ? "" : "\nPlugin commands: " + String.join(", ", usages.values());
    }

    /**
     * Runs a plugin's command for a player and sends him the answer through the lobby actor. The
     * caller checked the permission.
     */
    public static void run(AdminCommand command, CommandIssuer issuer, String arguments,
            org.tavern.transport.Connection player, java.util.concurrent.Executor lobbyActor) {
        java.util.concurrent.CompletionStage<String> answer;
        try {
            answer = command.execute(issuer, arguments);
        } catch (RuntimeException e) {
            LOG.error("Plugin admin command '{}' failed for {}", command.name(), issuer.name(), e);
            player.send(ServerMessages.message("Command '" + command.name() + "' failed.", "info"));
            return;
        }
        answer.toCompletableFuture().orTimeout(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS).whenComplete((text, failure) -> {
            String reply;
            if (failure == null) {
                reply = text == null ? "" : text;
            } else if (failure instanceof java.util.concurrent.TimeoutException
                    || failure.getCause() instanceof java.util.concurrent.TimeoutException) {
                LOG.warn("Plugin admin command '{}' did not answer {} within {} s", command.name(), issuer.name(),
                        ANSWER_TIMEOUT_SECONDS);
                reply = "Command '" + command.name() + "' did not answer in time.";
            } else {
                LOG.error("Plugin admin command '{}' failed for {}", command.name(), issuer.name(), failure);
                reply = "Command '" + command.name() + "' failed.";
            }
            lobbyActor.execute(() -> player.send(ServerMessages.message(reply, "info")));
        });
    }

    private static List<String> names(AdminCommand command) {
        List<String> names = new java.util.ArrayList<>();
        names.add(command.name().toLowerCase(Locale.ROOT));
        for (String alias : command.aliases()) {
            names.add(alias.toLowerCase(Locale.ROOT));
        }
        return names;
    }
}
