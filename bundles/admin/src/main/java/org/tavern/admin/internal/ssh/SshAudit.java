package org.tavern.admin.internal.ssh;

import org.apache.felix.gogo.jline.Shell;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.CommandSessionListener;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.admin.internal.SecretCommands;

/**
 * Logs each line typed in an SSH shell, its secrets redacted, as the remote console logs its
 * commands. Gogo tells every command a session executes; only those of SSH sessions (marked by
 * {@link SshShell}) that are the line just typed are logged, not the profile the shell runs first.
 */
@Component
public class SshAudit implements CommandSessionListener {

    /** Gogo's session variable holding the shell's line reader (Shell.VAR_READER). */
    static final String READER = ".reader";
    private static final Logger LOG = LoggerFactory.getLogger(SshAudit.class);

    private final SecretCommands secrets;

    /** {@code gosh}: only there to keep this component (which uses JLine) off in runtimes without Gogo's shell. */
    @Activate
    public SshAudit(@Reference SecretCommands secrets, @Reference Shell gosh) {
        this.secrets = secrets;
    }

    @Override
    public void beforeExecute(CommandSession session, CharSequence command) {
        Object who = session.get(SshShell.SSH_USER);
        if (who == null || !(session.get(READER) instanceof LineReader reader)) {
            return;
        }
        ParsedLine typed = reader.getParsedLine();
        if (typed == null || !typed.line().strip().equals(command.toString().strip())) {
            return;
        }
        LOG.info("SSH session {} runs: {}", who, printable(secrets.redact(command.toString())));
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Exception exception) {
        // the command was logged before it ran
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Object result) {
        // the command was logged before it ran
    }

    /** Control characters (a CR could fake a log line) become '?'. */
    static String printable(String command) {
        return command.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
