package org.tavern.admin.internal.ssh;

import org.apache.felix.gogo.jline.Shell;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.apache.sshd.server.session.ServerSession;
import org.jline.builtins.ssh.Ssh;
import org.jline.terminal.Terminal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An interactive SSH session: Gogo's own shell ({@code gosh}, as on the server's terminal, with
 * the profile, line editing and completion) on the JLine terminal that JLine's SSHD glue made from
 * the client's pseudo-terminal. {@code --noshutdown}: leaving the shell ends the session, never the
 * server. {@code --nohistory}: the history lives as long as the session and is written nowhere.
 */
final class SshShell {

    /** Session variable naming who runs an SSH session: what {@link SshAudit} logs. */
    static final String SSH_USER = ".tavern.ssh.user";
    private static final Logger LOG = LoggerFactory.getLogger(SshShell.class);

    private final CommandProcessor processor;
    private final Shell gosh;

    SshShell(CommandProcessor processor, Shell gosh) {
        this.processor = processor;
        this.gosh = gosh;
    }

    void run(Ssh.ShellParams params) {
        Terminal terminal = params.getTerminal();
        ServerSession ssh = params.getSession();
        String who = who(ssh);
        try (CommandSession session = processor.createSession(terminal.input(), terminal.output(), terminal.output())) {
            session.put(".terminal", terminal);
            session.put(SSH_USER, who);
            leaveWith(session, params.getCloser());
            // Called directly, as Gogo starts the terminal's shell: run through the session, the shell
            // would be the session's foreground job, and each typed line a job waiting behind it.
            gosh.gosh(session, new String[] {"--login", "--noshutdown", "--nohistory"});
        } catch (Exception e) {
            LOG.warn("SSH shell of {} ended with {}", who, e.toString());
        } finally {
            params.getCloser().run();
        }
    }

    /**
     * {@code exit} and {@code logout} end the SSH session. On the server's terminal {@code exit 0} is
     * Java's System.exit (the profile adds System's methods as commands): typed over SSH out of
     * habit it would stop the server. A session variable holding a function is found before any
     * command of that name, so this session's {@code exit} is its own.
     */
    static void leaveWith(CommandSession session, Runnable leave) {
        Function end = (ignored, arguments) -> {
            leave.run();
            return null;
        };
        session.put("exit", end);
        session.put("logout", end);
    }

    /** {@code user@address}, as the log names an SSH session. */
    static String who(ServerSession ssh) {
        return ssh.getUsername() + "@" + ModeratorPasswords.address(ssh);
    }
}
