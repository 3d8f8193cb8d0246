package org.tavern.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * The client side of the server's remote console ({@code bin/tavern exec} and {@code console}):
 * {@code java -cp tavern.jar org.tavern.launcher.ConsoleClient [--home DIR] [--timeout S] exec "<command>"}
 * runs one Gogo command and prints its output; {@code ... console} is a line-mode shell on stdin and
 * stdout. The protocol is described on the server's {@code org.tavern.admin.internal.console.ConsoleConnection}.
 */
public final class ConsoleClient {

    static final int EXIT_OK = 0;
    static final int EXIT_COMMAND_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_NOT_RUNNING = 3;
    static final int EXIT_REFUSED = 4;
    static final int EXIT_CUT_OFF = 5;

    static final String USAGE = String.join("\n",
            "Usage: java -cp tavern.jar org.tavern.launcher.ConsoleClient [--home DIR] [--timeout SECONDS] COMMAND",
            "",
            "  exec \"<gogo command>\"   run one command on the running server and print its output",
            "  console                 an interactive console (one command per line; 'exit' or end of input ends it)",
            "",
            "  --home DIR       the server's home (default: the current folder)",
            "  --timeout S      how long exec waits for its command to finish (default 60)",
            "",
            "Exit codes: 0 done, 1 the command failed, 2 usage, 3 no server running,",
            "4 the console refused the connection, 5 the connection ended or timed out before the command finished.");

    private static final String GREETING = "tavern-console 1 ";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_EXEC_TIMEOUT = Duration.ofSeconds(60);

    private final PrintStream out;
    private final PrintStream err;

    ConsoleClient(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new ConsoleClient(System.out, System.err).run(args, System.in, Path.of("").toAbsolutePath()));
    }

    int run(String[] args, InputStream stdin, Path workingDirectory) {
        Path home = workingDirectory;
        Duration timeout = DEFAULT_EXEC_TIMEOUT;
        int i = 0;
        try {
            for (; i < args.length && args[i].startsWith("-"); i++) {
                switch (args[i]) {
                    case "--home" -> home = workingDirectory.resolve(valueAfter(args, ++i, "--home")).normalize();
                    case "--timeout" -> timeout = seconds(valueAfter(args, ++i, "--timeout"));
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return EXIT_OK;
                    }
                    default -> throw new IllegalArgumentException("unknown option: " + args[i]);
                }
            }
            if (i >= args.length) {
                throw new IllegalArgumentException("missing command: exec \"<gogo command>\" or console");
            }
            String mode = args[i];
            String[] rest = Arrays.copyOfRange(args, i + 1, args.length);
            return switch (mode) {
                case "exec" -> exec(home, command(rest), timeout);
                case "console" -> {
                    if (rest.length > 0) {
                        throw new IllegalArgumentException("console takes no arguments");
                    }
                    yield console(home, stdin);
                }
                default -> throw new IllegalArgumentException("unknown command: " + mode);
            };
        } catch (IllegalArgumentException e) {
            err.println("tavern: " + e.getMessage());
            err.println("Try --help.");
            return EXIT_USAGE;
        }
    }

    private static String valueAfter(String[] args, int index, String option) {
        if (index >= args.length || args[index].isEmpty()) {
            throw new IllegalArgumentException("option " + option + " needs a value");
        }
        return args[index];
    }

    private static Duration seconds(String value) {
        try {
            long seconds = Long.parseLong(value);
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below with the text
        }
        throw new IllegalArgumentException("invalid timeout '" + value + "': expected a number of seconds above 0");
    }

    /** Several words are joined with spaces, so both {@code exec "motd hi"} and {@code exec motd hi} work. */
    private static String command(String[] words) {
        String command = String.join(" ", words).strip();
        if (command.isEmpty()) {
            throw new IllegalArgumentException("exec needs a command, e.g. exec tavern:version");
        }
        if (command.contains("\n") || command.contains("\r")) {
            throw new IllegalArgumentException("exec runs one line: separate commands with ';'");
        }
        return command;
    }

    private int exec(Path home, String command, Duration timeout) {
        try (Session session = open(home)) {
            if (session.failure != EXIT_OK) {
                return session.failure;
            }
            session.send("exec " + command);
            byte[] ok = (session.nonce + " ok").getBytes(StandardCharsets.UTF_8);
            byte[] failed = (session.nonce + " failed").getBytes(StandardCharsets.UTF_8);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                session.socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
                byte[] line = session.readLine();
                if (line == null) {
                    err.println("tavern: the server closed the console before '" + command
                            + "' finished (it may be stopping)");
                    return EXIT_CUT_OFF;
                }
                if (Arrays.equals(line, ok)) {
                    return EXIT_OK;
                }
                if (Arrays.equals(line, failed)) {
                    return EXIT_COMMAND_FAILED;
                }
                out.write(line);
                out.write('\n');
                out.flush();
            }
        } catch (SocketTimeoutException e) {
            err.println("tavern: '" + command + "' did not finish within " + timeout.toSeconds() + " s");
            return EXIT_CUT_OFF;
        } catch (IOException e) {
            err.println("tavern: console connection lost: " + e.getMessage());
            return EXIT_CUT_OFF;
        }
    }

    /**
     * Copies stdin to the server line by line as typed, and the server's output (prompts included) to
     * stdout, until the server ends the session (exit, idle timeout, server stopping).
     */
    private int console(Path home, InputStream stdin) {
        try (Session session = open(home)) {
            if (session.failure != EXIT_OK) {
                return session.failure;
            }
            session.send("shell");
            session.socket.setSoTimeout(0); // the server's idle timeout bounds the wait
            Thread typing = new Thread(() -> copyInput(stdin, session.socket), "console-input");
            typing.setDaemon(true);
            typing.start();
            InputStream fromServer = session.in;
            byte[] buffer = new byte[8192];
            for (int n; (n = fromServer.read(buffer)) != -1; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
            out.println();
            return EXIT_OK;
        } catch (IOException e) {
            err.println("tavern: console connection lost: " + e.getMessage());
            return EXIT_CUT_OFF;
        }
    }

    /** At end of input the sending side is shut down: the server ends the session, which ends the copy to stdout. */
    private static void copyInput(InputStream stdin, Socket socket) {
        try {
            OutputStream toServer = socket.getOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = stdin.read(buffer)) != -1; ) {
                toServer.write(buffer, 0, n);
                toServer.flush();
            }
            socket.shutdownOutput();
        } catch (IOException e) {
            // the server closed the session first; the output side reports whatever happened
        }
    }

    /** Connects and logs in; a session whose {@code failure} is not EXIT_OK has been reported already. */
    private Session open(Path home) throws IOException {
        ConsoleEndpoint endpoint;
        try {
            endpoint = ConsoleEndpoint.read(home);
        } catch (ConsoleEndpoint.Unavailable e) {
            err.println("tavern: " + e.getMessage());
            return Session.failed(e.unreachable ? EXIT_NOT_RUNNING : EXIT_REFUSED);
        }
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", endpoint.port()), (int) CONNECT_TIMEOUT.toMillis());
        } catch (IOException e) {
            socket.close();
            err.println("tavern: no Tavern console answers on 127.0.0.1:" + endpoint.port() + " for " + home
                    + " (" + e.getMessage() + "); is the server running?");
            return Session.failed(EXIT_NOT_RUNNING);
        }
        Session session = new Session(socket);
        socket.setSoTimeout((int) LOGIN_TIMEOUT.toMillis());
        session.send(endpoint.token());
        byte[] answer;
        try {
            answer = session.readLine();
        } catch (SocketTimeoutException e) {
            answer = null;
        }
        String greeting = answer == null ? "" : new String(answer, StandardCharsets.UTF_8);
        if (!greeting.startsWith(GREETING)) {
            session.close();
            String reason = greeting.startsWith("error: ") ? greeting.substring("error: ".length())
                    : greeting.isEmpty() ? "no answer" : "unexpected answer '" + greeting + "'";
            err.println("tavern: the console on port " + endpoint.port() + " refused the connection: " + reason);
            return Session.failed(EXIT_REFUSED);
        }
        session.nonce = greeting.substring(GREETING.length()).strip();
        return session;
    }

    /** One logged-in connection, or the exit code of the failure to make one. */
    private static final class Session implements AutoCloseable {
        final Socket socket;
        final InputStream in;
        final int failure;
        String nonce;

        private Session(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new java.io.BufferedInputStream(socket.getInputStream());
            this.failure = EXIT_OK;
        }

        private Session(int failure) {
            this.socket = null;
            this.in = null;
            this.failure = failure;
        }

        static Session failed(int failure) {
            return new Session(failure);
        }

        void send(String line) throws IOException {
            OutputStream toServer = socket.getOutputStream();
            toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            toServer.flush();
        }

        /** The next line without its LF, or null at end of stream. */
        byte[] readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b; (b = in.read()) != -1; ) {
                if (b == '\n') {
                    return line.toByteArray();
                }
                line.write(b);
            }
            return line.size() == 0 ? null : line.toByteArray();
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                socket.close();
            }
        }
    }
}
