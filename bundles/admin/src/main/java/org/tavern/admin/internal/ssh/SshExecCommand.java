package org.tavern.admin.internal.ssh;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.admin.internal.SecretCommands;

/**
 * {@code ssh -p 8101 admin@host '<command>'}: runs one Gogo command line and exits 0, or 1 with
 * {@code error: ...} on standard error when it throws. Its keyboard is the channel's input, so a
 * command that reads stdin reads what the client sends. Logged, secrets redacted, before it runs.
 */
final class SshExecCommand implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(SshExecCommand.class);

    private final CommandProcessor processor;
    private final SecretCommands secrets;
    private final String command;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private Thread thread;

    SshExecCommand(CommandProcessor processor, SecretCommands secrets, String command) {
        this.processor = processor;
        this.secrets = secrets;
        this.command = command;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
        this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment environment) {
        String who = SshShell.who(channel.getServerSession());
        thread = new Thread(() -> run(who), "tavern-ssh-exec");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(String who) {
        LOG.info("SSH session {} runs: {}", who, SshAudit.printable(secrets.redact(command)));
        int status = 0;
        PrintStream output = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        try (CommandSession session = processor.createSession(in, output, errors)) {
            session.put(SshShell.SSH_USER, who);
            SshShell.leaveWith(session, () -> { }); // "exit" ends this command, never the server
            Object result = session.execute(command);
            if (result != null) {
                output.println(session.format(result, Converter.INSPECT));
            }
        } catch (Exception e) {
            status = 1;
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            errors.println("error: " + message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip());
            LOG.info("SSH session {}: the command failed: {}", who, e.toString());
        } finally {
            output.flush();
            errors.flush();
            exit.onExit(status);
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
