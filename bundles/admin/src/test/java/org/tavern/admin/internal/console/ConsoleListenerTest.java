package org.tavern.admin.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The console protocol and its bounds, against a fake shell (no OSGi, no Gogo). */
class ConsoleListenerTest {

    private static final String TOKEN = "s3cret-token";
    private static final int READ_TIMEOUT_MILLIS = 10_000;
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private ConsoleListener listener;

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        if (listener != null) {
            listener.close();
        }
    }

    /** echo X prints X; fail throws; partial prints without a newline; anything else returns nothing. */
    private static ConsoleShell fakeShell(PrintStream out) {
        return new ConsoleShell() {
            @Override
            public void execute(String line) {
                if (line.startsWith("echo ")) {
                    out.println(line.substring(5));
                } else if (line.equals("fail")) {
                    throw new IllegalStateException("boom\nsecond line");
                } else if (line.equals("partial")) {
                    out.print("no newline");
                }
            }

            @Override
            public void close() {
            }
        };
    }

    private ConsoleListener start(ConsoleLimits limits) throws IOException {
        listener = ConsoleListener.start(0, TOKEN, limits, ConsoleListenerTest::fakeShell);
        return listener;
    }

    private ConsoleListener start() throws IOException {
        return start(new ConsoleLimits(2, 256, Duration.ofSeconds(30), Duration.ofSeconds(10)));
    }

    private Client connect() throws IOException {
        Client client = new Client(listener.port());
        toClose.add(client);
        return client;
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        assertTrue(start().address().isLoopbackAddress(), listener.address().toString());
        assertEquals("127.0.0.1", listener.address().getHostAddress());
    }

    @Test
    void execPrintsTheOutputThenTheNonceLineAndCloses() throws Exception {
        start();
        Client client = connect();
        String nonce = client.login(TOKEN);
        client.send("exec echo hello");
        assertEquals("hello", client.readLine());
        assertEquals(nonce + " ok", client.readLine());
        assertTrue(client.closedByServer());
    }

    @Test
    void aFailingCommandIsOneErrorLineAndTheFailedNonceLine() throws Exception {
        start();
        Client client = connect();
        String nonce = client.login(TOKEN);
        client.send("exec fail");
        assertEquals("error: IllegalStateException: boom second line", client.readLine());
        assertEquals(nonce + " failed", client.readLine());
    }

    @Test
    void theNonceLineStartsALineAfterOutputWithoutNewline() throws Exception {
        start();
        Client client = connect();
        String nonce = client.login(TOKEN);
        client.send("exec partial");
        assertEquals("no newline", client.readLine());
        assertEquals(nonce + " ok", client.readLine());
    }

    @Test
    void aWrongTokenIsRefusedAndClosed() throws Exception {
        start();
        Client client = connect();
        client.send("not-the-token");
        assertEquals("error: access denied", client.readLine());
        assertTrue(client.closedByServer());
    }

    @Test
    void aCommandInsteadOfTheTokenIsRefused() throws Exception {
        start();
        Client client = connect();
        client.send("exec echo sneaky");
        assertEquals("error: access denied", client.readLine());
        assertTrue(client.closedByServer());
    }

    @Test
    void anOversizedLineClosesTheConnectionAndTheServerGoesOn() throws Exception {
        start(new ConsoleLimits(4, 256, Duration.ofSeconds(30), Duration.ofSeconds(10)));
        Client client = connect();
        client.send("x".repeat(10_000));
        assertEquals("error: line longer than 256 bytes, closing", client.readLine());
        assertTrue(client.closedByServer());

        Client loggedIn = connect();
        loggedIn.login(TOKEN);
        loggedIn.send("exec echo " + "y".repeat(300));
        assertEquals("error: line longer than 256 bytes, closing", loggedIn.readLine());

        Client next = connect();
        String nonce = next.login(TOKEN);
        next.send("exec echo still serving");
        assertEquals("still serving", next.readLine());
        assertEquals(nonce + " ok", next.readLine());
    }

    @Test
    void aSilentClientIsClosedAtTheLoginTimeout() throws Exception {
        start(new ConsoleLimits(2, 256, Duration.ofSeconds(30), Duration.ofMillis(300)));
        Client client = connect();
        assertEquals("error: timed out waiting for input, closing", client.readLine());
        assertTrue(client.closedByServer());
    }

    @Test
    void anIdleSessionIsClosedAtTheIdleTimeout() throws Exception {
        start(new ConsoleLimits(2, 256, Duration.ofMillis(300), Duration.ofSeconds(10)));
        Client client = connect();
        client.login(TOKEN);
        client.send("shell");
        assertEquals("error: timed out waiting for input, closing", client.readLine().replace(ConsoleConnection.PROMPT, ""));
        assertTrue(client.closedByServer());
    }

    @Test
    void anUnknownModeIsRefused() throws Exception {
        start();
        Client client = connect();
        client.login(TOKEN);
        client.send("rm -rf /");
        assertEquals("error: unknown mode; expected 'exec <command>' or 'shell'", client.readLine());
        assertTrue(client.closedByServer());
    }

    @Test
    void theShellRunsLineAfterLineUntilExit() throws Exception {
        start();
        Client client = connect();
        client.login(TOKEN);
        client.send("shell");
        client.send("echo one");
        client.send("");
        client.send("echo two");
        client.send("fail");
        client.send("exit");
        client.send("echo never");
        String all = client.readToEnd();
        String p = ConsoleConnection.PROMPT;
        assertEquals(p + "one\n" + p + p + "two\n" + p + "error: IllegalStateException: boom second line\n" + p, all);
    }

    @Test
    void connectionsBeyondTheLimitAreRefusedUntilOneCloses() throws Exception {
        start();
        Client first = connect();
        first.login(TOKEN);
        first.send("shell");
        Client second = connect();
        second.login(TOKEN);
        second.send("shell");

        Client third = connect();
        assertEquals("error: too many console sessions (at most 2), try again later", third.readLine());
        assertTrue(third.closedByServer());

        first.close();
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            Client again = connect();
            String greeting = again.loginOrRefusal(TOKEN);
            if (greeting.startsWith(ConsoleConnection.GREETING)) {
                break;
            }
            assertTrue(System.nanoTime() < end, "no slot freed after a session closed: " + greeting);
            Thread.sleep(20);
        }
    }

    @Test
    void closeDropsOpenSessionsAndStopsListening() throws Exception {
        start();
        Client client = connect();
        client.login(TOKEN);
        client.send("shell");
        assertEquals(ConsoleConnection.PROMPT + "one", readAfterPrompt(client, "echo one"));
        assertEquals(ConsoleConnection.PROMPT, client.read(ConsoleConnection.PROMPT.length()), "the next prompt");
        int port = listener.port();
        listener.close();
        assertEquals("", client.readToEnd(), "end of stream once the listener is closed");
        try (Socket refused = new Socket()) {
            refused.connect(new java.net.InetSocketAddress("127.0.0.1", port), 2000);
            throw new AssertionError("still accepting after close");
        } catch (IOException expected) {
            // connection refused
        }
    }

    @Test
    void commandsAreLoggedWithoutControlCharacters() {
        assertEquals("lb?fake INFO line", ConsoleConnection.printable("lb\rfake INFO line"));
    }

    private static String readAfterPrompt(Client client, String command) throws IOException {
        client.send(command);
        return client.readLine();
    }

    /** A raw protocol client with a read timeout, so a broken server fails the test instead of hanging it. */
    private static final class Client implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        Client(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
        }

        void send(String line) throws IOException {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        String readLine() throws IOException {
            return in.readLine();
        }

        String login(String token) throws IOException {
            String greeting = loginOrRefusal(token);
            assertTrue(greeting.startsWith(ConsoleConnection.GREETING + " "), greeting);
            return greeting.substring(ConsoleConnection.GREETING.length() + 1);
        }

        String loginOrRefusal(String token) throws IOException {
            send(token);
            String line = readLine();
            return line == null ? "(closed)" : line;
        }

        String read(int chars) throws IOException {
            char[] text = new char[chars];
            for (int done = 0, n; done < chars; done += n) {
                n = in.read(text, done, chars - done);
                if (n == -1) {
                    return new String(text, 0, done);
                }
            }
            return new String(text);
        }

        String readToEnd() throws IOException {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[1024];
            for (int n; (n = in.read(buffer)) != -1; ) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        }

        boolean closedByServer() throws IOException {
            try {
                return in.read() == -1;
            } catch (java.net.SocketException reset) {
                return true;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
