package org.tavern.admin.internal;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.tavern.api.AdminCommand;
import org.tavern.api.CommandIssuer;

/**
 * One {@link AdminCommand} as the Gogo command {@code tavern:<name>}: the words typed after it are
 * the command's arguments, run with the console's rights; {@code -h} prints the usage.
 */
final class GogoAdminCommand implements Function {

    /** How long the shell waits for the lobby to answer before it gives the prompt back. */
    static final long ANSWER_TIMEOUT_SECONDS = 30;

    private final AdminCommand command;

    GogoAdminCommand(AdminCommand command) {
        this.command = command;
    }

    @Override
    public Object execute(CommandSession session, List<Object> arguments) {
        List<String> words = arguments.stream().map(String::valueOf).toList();
        if (!words.isEmpty() && (words.get(0).equals("-h") || words.get(0).equals("--help"))) {
            return usage();
        }
        return run(words.stream().collect(Collectors.joining(" ")));
    }

    String usage() {
        String aliases = command.aliases().isEmpty() ? ""
                : "\n  also: " + command.aliases().stream().map(a -> "tavern:" + a).collect(Collectors.joining(", "));
        return "usage: tavern:" + command.usage() + aliases;
    }

    /** Runs the command as the console and waits (bounded) for its answer. */
    String run(String arguments) {
        try {
            return command.execute(CommandIssuer.fromConsole(), arguments).toCompletableFuture()
                    .get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return "tavern:" + command.name() + ": no answer within " + ANSWER_TIMEOUT_SECONDS + " s";
        } catch (ExecutionException e) {
            return "tavern:" + command.name() + " failed: " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "tavern:" + command.name() + ": interrupted";
        }
    }
}
