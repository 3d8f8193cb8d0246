package org.tavern.admin.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tavern.api.AdminCommand;

/**
 * The admin commands that take secrets (the server's and plugins', as they come and go), and what a
 * console line looks like with their secrets redacted: what every console logs and every shell
 * history keeps.
 */
@Component(service = SecretCommands.class)
public class SecretCommands {

    /** Per command name and alias (lower case): the index of its first secret argument. */
    private final Map<AdminCommand, List<String>> namesByCommand = new ConcurrentHashMap<>();
    private final Map<String, Integer> secretsFrom = new ConcurrentHashMap<>();
    /** Told after the secret commands changed (the shells' history filters follow). */
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addCommand(AdminCommand command) {
        int from = command.secretArgumentsFrom();
        if (from < 0) {
            return;
        }
        List<String> names = new ArrayList<>();
        names.add(command.name().toLowerCase(Locale.ROOT));
        command.aliases().forEach(alias -> names.add(alias.toLowerCase(Locale.ROOT)));
        namesByCommand.put(command, names);
        names.forEach(name -> secretsFrom.merge(name, from, Math::min));
        changeListeners.forEach(Runnable::run);
    }

    synchronized void removeCommand(AdminCommand command) {
        if (namesByCommand.remove(command) != null) {
            secretsFrom.clear();
            namesByCommand.forEach((other, names) -> names.forEach(
                    name -> secretsFrom.merge(name, other.secretArgumentsFrom(), Math::min)));
            changeListeners.forEach(Runnable::run);
        }
    }

    void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    void removeChangeListener(Runnable listener) {
        changeListeners.remove(listener);
    }

    /** A Gogo command line as it may be logged or kept in a history. */
    public String redact(String line) {
        return secretsFrom.isEmpty() ? line
                : CommandLines.redact(line, name -> secretsFrom.getOrDefault(name, AdminCommand.NO_SECRETS));
    }

    /**
     * JLine's {@code history-ignore} patterns for the lines that hold a secret command with
     * arguments: a shell keeps such a line out of its history (a redacted line, recalled and run
     * again, would set the password {@code ****}).
     */
    String historyIgnorePatterns() {
        if (secretsFrom.isEmpty()) {
            return "";
        }
        // JLine turns '*' into ".*", ':' into '|' and matches the whole line as a regular expression:
        // "(?is)" makes that case-insensitive and lets '.' span the lines of a multi-line entry.
        return "(?is)" + secretsFrom.keySet().stream().sorted()
                .map(name -> "*" + name + " *")
                .collect(Collectors.joining(":"));
    }
}
