package org.tavern.loadgen;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tavern.wml.Document;

/**
 * Tavern's web lobby under load: {@code --web-users} browsers (WebSockets speaking the JSON of
 * docs/web-protocol.md) in the lobby beside {@code --users} game clients that chat, {@code --rate}
 * lines a second in total, for {@code --seconds}. Every line carries its sender's index, its number
 * and its send time; every web user must receive every line of every game sender exactly once and
 * in order (the chat scenario's guarantee), and records the latency. Tavern only (wesnothd has no web
 * lobby): the server needs its per-address limits and lobby flood control lifted (docs/performance.md).
 */
final class WebChatScenario {

    private static final Pattern LINE = Pattern.compile("\"message\":\"lg (\\d+) (\\d+) (\\d+)\"");

    private final Harness harness;
    private final InetSocketAddress server;
    private final int users;
    private final int webUsers;
    private final int httpPort;
    private final double rate;
    private final long seconds;
    private final String prefix;
    private final LatencyHistogram latency = new LatencyHistogram();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong duplicated = new AtomicLong();
    private final AtomicLong reordered = new AtomicLong();
    private final AtomicInteger loggedIn = new AtomicInteger();

    WebChatScenario(Harness harness, InetSocketAddress server, Options options) throws Options.UsageException {
        this.harness = harness;
        this.server = server;
        this.users = options.count("users", 100, 1, 10_000);
        this.webUsers = options.count("web-users", 1000, 1, 20_000);
        this.httpPort = options.count("http-port", 15080, 1, 65535);
        this.rate = options.decimal("rate", 100);
        this.seconds = options.count("seconds", 10, 1, 3600);
        this.prefix = options.string("prefix", "wc");
    }

    /** One browser: checks each game sender's numbers arrive 0, 1, 2... once each. */
    private final class Browser implements WebSocket.Listener {
        final String nick;
        final long[] next = new long[users];
        final StringBuilder partial = new StringBuilder();
        final CompletableFuture<Void> inLobby = new CompletableFuture<>();

        Browser(String nick) {
            this.nick = nick;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                if (text.startsWith("[\"mustlogin\"")) {
                    socket.sendText("[\"login\",[\"" + nick + "\"],{}]", true);
                } else if (text.startsWith("[\"gamelist\"")) {
                    inLobby.complete(null);
                } else if (text.startsWith("[\"message\"")) {
                    heard(text);
                } else if (text.startsWith("[\"error\"")) {
                    inLobby.completeExceptionally(new IOException(nick + ": " + text));
                }
            }
            socket.request(1);
            return null;
        }

        private void heard(String text) {
            Matcher line = LINE.matcher(text);
            if (!line.find()) {
                return;
            }
            int sender = Integer.parseInt(line.group(1));
            long number = Long.parseLong(line.group(2));
            long sentNanos = Long.parseLong(line.group(3));
            synchronized (this) {
                if (number == next[sender]) {
                    next[sender]++;
                    delivered.incrementAndGet();
                    latency.recordNanos(System.nanoTime() - sentNanos);
                } else if (number < next[sender]) {
                    duplicated.incrementAndGet();
                } else {
                    reordered.incrementAndGet();
                    lost.addAndGet(number - next[sender]);
                    next[sender] = number + 1;
                }
            }
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            inLobby.completeExceptionally(error);
            harness.verdict.protocolError(nick + ": " + error);
        }
    }

    /** One game client: a blocking socket, a thread draining what the server sends. */
    private final class Talker implements AutoCloseable {
        final Socket socket;
        final DataOutputStream out;
        final Thread reader;

        Talker(String nick) throws IOException {
            socket = new Socket(server.getAddress(), server.getPort());
            socket.setTcpNoDelay(true);
            out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            out.writeInt(0);
            if (in.readInt() != 42) {
                throw new IOException("handshake refused");
            }
            read(in); // [version]
            send("[version]\nversion=\"1.16.9\"\n[/version]\n");
            read(in); // [mustlogin]
            send("[login]\nusername=\"" + nick + "\"\n[/login]\n");
            reader = new Thread(() -> {
                try {
                    while (true) {
                        read(in);
                    }
                } catch (IOException closed) {
                    // the run is over
                }
            }, "webchat-" + nick);
            reader.setDaemon(true);
            reader.start();
        }

        private static Document read(DataInputStream in) throws IOException {
            byte[] payload = new byte[in.readInt()];
            in.readFully(payload);
            try {
                return Document.fromGzip(payload);
            } catch (org.tavern.wml.WmlException e) {
                throw new IOException(e);
            }
        }

        synchronized void send(String wml) throws IOException {
            byte[] gzip;
            try {
                gzip = Document.parse(wml).compressedOutput();
            } catch (org.tavern.wml.WmlException e) {
                throw new IOException(e);
            }
            out.writeInt(gzip.length);
            out.write(gzip);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    String runChecked(Options options) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Browser> browsers = new ArrayList<>();
        List<WebSocket> sockets = new ArrayList<>();
        URI uri = URI.create("ws://" + server.getHostString() + ":" + httpPort + "/ws");
        for (int i = 0; i < webUsers; i++) {
            Browser browser = new Browser(prefix + "w" + i);
            browsers.add(browser);
            sockets.add(http.newWebSocketBuilder().buildAsync(uri, browser).get(30, TimeUnit.SECONDS));
        }
        for (Browser browser : browsers) {
            browser.inLobby.get(60, TimeUnit.SECONDS);
            loggedIn.incrementAndGet();
        }
        List<Talker> talkers = new ArrayList<>();
        try {
            for (int i = 0; i < users; i++) {
                talkers.add(new Talker(prefix + "g" + i));
            }
            long[] sent = new long[users];
            long intervalNanos = (long) (1e9 / rate);
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            long lines = 0;
            for (long due = start; due < end; due += intervalNanos) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int sender = (int) (lines % users);
                talkers.get(sender).send("[message]\nmessage=\"lg " + sender + " " + sent[sender]++ + " "
                        + System.nanoTime() + "\"\nroom=\"lobby\"\n[/message]\n");
                lines++;
            }
            long expected = lines * webUsers;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (delivered.get() + lost.get() < expected && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long wall = System.nanoTime() - start;
            long missing = expected - delivered.get() - lost.get();
            lost.addAndGet(Math.max(0, missing));
            if (lost.get() > 0 || duplicated.get() > 0 || reordered.get() > 0) {
                harness.verdict.protocolError("web chat: lost " + lost + ", duplicated " + duplicated + ", reordered "
                        + reordered);
            }
            return String.format(Locale.ROOT, "RESULT scenario=webchat server=%s web_users=%d game_users=%d rate=%.1f "
                    + "lines=%d deliveries=%d deliveries_per_s=%.1f p50_ms=%.2f p99_ms=%.2f lost=%d dup=%d reordered=%d",
                    harness.serverLabel, loggedIn.get(), users, rate, lines, delivered.get(),
                    delivered.get() * 1e9 / wall, latency.percentileMicros(50) / 1000.0,
                    latency.percentileMicros(99) / 1000.0, lost.get(), duplicated.get(), reordered.get());
        } finally {
            for (Talker talker : talkers) {
                talker.close();
            }
            for (WebSocket socket : sockets) {
                socket.abort();
            }
        }
    }
}
