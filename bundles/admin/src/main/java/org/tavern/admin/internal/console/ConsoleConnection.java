package org.tavern.admin.internal.console;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One console connection, from its token to its close. The protocol (the launcher's ConsoleClient
 * speaks the other side):
 * <ol>
 * <li>The client sends the token from data/console.token as its first line. A wrong one is answered
 * {@code error: access denied} and closed.</li>
 * <li>The server answers {@code tavern-console 1 <nonce>}, the nonce fresh for this connection.</li>
 * <li>The client sends {@code exec <command>}: the server runs it, sends its output, then, at the start
 * of a line, {@code <nonce> ok} or {@code <nonce> failed}, and closes. A command's output cannot
 * forge that line because it cannot know the nonce.</li>
 * <li>Or the client sends {@code shell}: the server prompts {@code tavern> } and runs each line until
 * {@code exit}, {@code quit} or end of stream.</li>
 * </ol>
 * Any error the server reports is one line starting with {@code error: }. An overlong line, a
 * silent client (login or idle timeout) or a broken stream closes the connection, never the server.
 */
final class ConsoleConnection implements Runnable {

    static final String GREETING = "tavern-console 1";
    static final String PROMPT = "tavern> ";
    static final String EXEC_MODE = "exec ";
    static final String SHELL_MODE = "shell";

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleConnection.class);
    private static final int DRAIN_MILLIS = 500;
    private static final int DRAIN_BYTES = 64 * 1024;

    private final long id;
    private final Socket socket;
    private final byte[] token;
    private final ConsoleLimits limits;
    private final ConsoleShell.Factory shells;
    private final Runnable onClose;

    ConsoleConnection(long id, Socket socket, String token, ConsoleLimits limits, ConsoleShell.Factory shells,
            Runnable onClose) {
        this.id = id;
        this.socket = socket;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.limits = limits;
        this.shells = shells;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        String peer = String.valueOf(socket.getRemoteSocketAddress());
        PrintStream out = null;
        try {
            LastByteOutputStream tracked = new LastByteOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            out = new PrintStream(tracked, false, StandardCharsets.UTF_8);
            BoundedLineReader in = new BoundedLineReader(new BufferedInputStream(socket.getInputStream()),
                    limits.maxLineBytes());
            socket.setSoTimeout(Math.toIntExact(limits.loginTimeout().toMillis()));
            String presented = in.readLine();
            if (presented == null) {
                LOG.debug("Console connection {} from {} closed before sending a token", id, peer);
                return;
            }
            if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token)) {
                LOG.warn("Console connection {} from {} refused: wrong token", id, peer);
                sendLine(out, "error: access denied");
                return;
            }
            String nonce = Tokens.random(16);
            sendLine(out, GREETING + " " + nonce);
            socket.setSoTimeout(Math.toIntExact(limits.idleTimeout().toMillis()));
            String mode = in.readLine();
            if (mode == null) {
                return;
            }
            if (mode.startsWith(EXEC_MODE)) {
                runOnce(mode.substring(EXEC_MODE.length()), nonce, out, tracked);
            } else if (mode.equals(SHELL_MODE)) {
                runShell(in, out, tracked, peer);
            } else {
                sendLine(out, "error: unknown mode; expected 'exec <command>' or 'shell'");
            }
        } catch (SocketTimeoutException e) {
            LOG.info("Console connection {} from {} closed: nothing received for the timeout", id, peer);
            sendLine(out, "error: timed out waiting for input, closing");
        } catch (BoundedLineReader.LineTooLongException e) {
            LOG.warn("Console connection {} from {} closed: {}", id, peer, e.getMessage());
            sendLine(out, "error: " + e.getMessage() + ", closing");
        } catch (IOException e) {
            LOG.debug("Console connection {} from {} lost: {}", id, peer, e.toString());
        } catch (RuntimeException | Error e) {
            LOG.error("Console connection {} from {} failed", id, peer, e);
        } finally {
            closeGently();
            onClose.run();
        }
    }

    /**
     * Closing a socket with unread input makes TCP reset the connection, and the client may lose the
     * error line sent just before. So: end our side, discard what the client still sends (bounded in
     * bytes and time), then close.
     */
    private void closeGently() {
        try {
            if (!socket.isClosed()) {
                socket.shutdownOutput();
                socket.setSoTimeout(DRAIN_MILLIS);
                java.io.InputStream in = socket.getInputStream();
                byte[] discard = new byte[4096];
                int drained = 0;
                for (int n; drained < DRAIN_BYTES && (n = in.read(discard)) != -1; ) {
                    drained += n;
                }
            }
        } catch (IOException e) {
            // the client is gone or silent: nothing left to protect
        } finally {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debug("Console connection {} close: {}", id, e.toString());
            }
        }
    }

    private void runOnce(String command, String nonce, PrintStream out, LastByteOutputStream tracked)
            throws IOException {
        LOG.info("Console connection {} runs: {}", id, loggable(command));
        boolean ok;
        try (ConsoleShell shell = shells.open(out)) {
            tracked.mark();
            ok = runCommand(shell, command, out);
        }
        if (tracked.inMidLine()) {
            out.print('\n');
        }
        sendLine(out, nonce + (ok ? " ok" : " failed"));
    }

    private void runShell(BoundedLineReader in, PrintStream out, LastByteOutputStream tracked, String peer)
            throws IOException {
        LOG.info("Console session {} opened from {}", id, peer);
        try (ConsoleShell shell = shells.open(out)) {
            while (true) {
                if (tracked.inMidLine()) {
                    out.print('\n');
                }
                out.print(PROMPT);
                out.flush();
                tracked.mark();
                String line = in.readLine();
                if (line == null) {
                    break;
                }
                String command = line.strip();
                if (command.equals("exit") || command.equals("quit")) {
                    break;
                }
                if (!command.isEmpty()) {
                    LOG.info("Console session {} runs: {}", id, loggable(command));
                    runCommand(shell, command, out);
                }
            }
        }
        LOG.info("Console session {} closed", id);
    }

    /** Runs one line; a failure is printed as one line, the way an owner wants to read it. */
    private boolean runCommand(ConsoleShell shell, String command, PrintStream out) {
        try {
            shell.execute(command);
            return true;
        } catch (Exception e) {
            LOG.info("Console connection {}: '{}' failed: {}", id, loggable(command), describe(e));
            LOG.debug("Console connection {}: failure of '{}'", id, loggable(command), e);
            out.println("error: " + describe(e));
            return false;
        } finally {
            out.flush();
        }
    }

    /** A command as logged: its secrets redacted, no control characters. */
    private String loggable(String command) {
        return printable(shells.loggable(command));
    }

    /** A command as logged: control characters (a stray CR could fake a log line) become '?'. */
    static String printable(String command) {
        return command.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        String name = failure.getClass().getSimpleName();
        String text = message == null || message.isBlank() ? name : name + ": " + message;
        // One line, even for a message that spans several.
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    /** PrintStream never throws: on a broken connection the write is silently lost, which is all we can do. */
    private static void sendLine(PrintStream out, String line) {
        if (out != null) {
            out.print(line + "\n");
            out.flush();
        }
    }
}
