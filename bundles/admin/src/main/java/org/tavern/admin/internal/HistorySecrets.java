package org.tavern.admin.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.CommandSessionListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Keeps command lines that hold a secret out of every Gogo shell's history (the terminal's
 * {@code ~/.gogo.history}, an SSH session's): before each command a session runs, its JLine
 * {@code history-ignore} variable is set to the secret commands of the moment, so the next line
 * typed with one of them is not recorded. Gogo's line reader reads its variables from the session.
 * A secret command that appears later (the identity store's {@code register} opens after the
 * terminal's shell started) updates every session seen so far at once. A session this filter has
 * not seen yet (the terminal's shell starts beside the server and may read its first line before
 * this component runs) has kept that line when it runs it: the line is then taken out of its
 * history again, file included.
 */
@Component
public class HistorySecrets implements CommandSessionListener {

    /** JLine's LineReader.HISTORY_IGNORE; patterns separated by ':', '*' any text. */
    static final String HISTORY_IGNORE = "history-ignore";
    /** Where Gogo's JLine shell keeps its line reader in the session (its Shell.VAR_READER). */
    static final String SHELL_READER = ".reader";

    private final SecretCommands secrets;
    /** The sessions that ran a command (a closed one goes with its last reference). */
    private final Set<CommandSession> sessions = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));
    private final Runnable updateSessions = this::updateSessions;

    @Activate
    public HistorySecrets(@Reference SecretCommands secrets) {
        this.secrets = secrets;
        secrets.addChangeListener(updateSessions);
    }

    @Deactivate
    void deactivate() {
        secrets.removeChangeListener(updateSessions);
    }

    @Override
    public void beforeExecute(CommandSession session, CharSequence command) {
        sessions.add(session);
        String patterns = secrets.historyIgnorePatterns();
        if (!patterns.isEmpty()) {
            session.put(HISTORY_IGNORE, patterns);
        }
    }

    private void updateSessions() {
        String patterns = secrets.historyIgnorePatterns();
        List<CommandSession> known;
        synchronized (sessions) {
            known = new ArrayList<>(sessions);
        }
        for (CommandSession session : known) {
            session.put(HISTORY_IGNORE, patterns);
        }
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Exception exception) {
        eraseIfSecret(session, command);
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Object result) {
        eraseIfSecret(session, command);
    }

    private void eraseIfSecret(CommandSession session, CharSequence command) {
        String line = command.toString();
        if (secrets.redact(line).equals(line)) {
            return;
        }
        try {
            HistoryEraser.erase(session.get(SHELL_READER), entry -> !secrets.redact(entry).equals(entry));
        } catch (NoClassDefFoundError noJline) {
            // a shell without JLine keeps no history
        }
    }
}
