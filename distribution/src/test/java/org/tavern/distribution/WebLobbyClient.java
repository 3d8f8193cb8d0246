package org.tavern.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A web lobby session as a test drives it: the JDK's WebSocket client speaking the JSON messages of
 * docs/web-protocol.md. Every message received is kept in order; {@link #await} polls them with a
 * deadline.
 */
final class WebLobbyClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    final WebSocket socket;
    private final LinkedBlockingQueue<JsonNode> inbox;
    private final List<JsonNode> seen = new ArrayList<>();
    final CompletableFuture<String> closed;

    private WebLobbyClient(WebSocket socket, Listener listener) {
        this.socket = socket;
        this.inbox = listener.inbox;
        this.closed = listener.closed;
    }

    static WebLobbyClient connect(int httpPort) throws Exception {
        return connect(HTTP, httpPort);
    }

    static WebLobbyClient connect(HttpClient http, int httpPort) throws Exception {
        return connect(http, URI.create("ws://127.0.0.1:" + httpPort + "/ws"));
    }

    static WebLobbyClient connect(HttpClient http, URI uri) throws Exception {
        Listener listener = new Listener();
        WebSocket socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, listener).get(10, TimeUnit.SECONDS);
        return new WebLobbyClient(socket, listener);
    }

    /** Connects and logs in as {@code nick}; returns once the lobby list has arrived. */
    static WebLobbyClient loggedIn(int httpPort, String nick) throws Exception {
        WebLobbyClient client = connect(httpPort);
        client.await(m -> name(m).equals("mustlogin"), "mustlogin");
        client.send("login", List.of(nick));
        client.await(m -> name(m).equals("gamelist"), "the lobby list after logging in as " + nick);
        return client;
    }

    void send(String name, List<String> args) {
        send(name, args, java.util.Map.of());
    }

    /** {@code [name, [args], {kwargs}]}. */
    void send(String name, List<String> args, java.util.Map<String, String> kwargs) {
        var message = JSON.createArrayNode().add(name);
        args.forEach(message.addArray()::add);
        var keywords = message.addObject();
        kwargs.forEach(keywords::put);
        sendText(message.toString());
    }

    void sendText(String text) {
        socket.sendText(text, true).join();
    }

    static String name(JsonNode message) {
        return message.get(0).asText();
    }

    static JsonNode kwargs(JsonNode message) {
        return message.get(2);
    }

    /** The first message from now on (or kept from before) that matches; fails after 10 s. */
    JsonNode await(Predicate<JsonNode> condition, String what) throws Exception {
        synchronized (seen) {
            for (var iterator = seen.iterator(); iterator.hasNext(); ) {
                JsonNode kept = iterator.next();
                if (condition.test(kept)) {
                    iterator.remove();
                    return kept;
                }
            }
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            long left = end - System.nanoTime();
            JsonNode message = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
            if (message == null) {
                synchronized (seen) {
                    throw new AssertionError("no " + what + " within 10 s; received " + seen
                            + (closed.isDone() ? "; closed: " + closed.getNow("") : ""));
                }
            }
            if (condition.test(message)) {
                return message;
            }
            synchronized (seen) {
                seen.add(message);
            }
        }
    }

    /** The close code and reason the server sent, waiting up to 10 s. */
    String awaitClose() throws Exception {
        return awaitClose(Duration.ofSeconds(10));
    }

    String awaitClose(Duration deadline) throws Exception {
        return closed.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        socket.abort();
    }

    private static final class Listener implements WebSocket.Listener {
        final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    inbox.add(JSON.readTree(text));
                } catch (Exception e) {
                    inbox.add(JSON.createArrayNode().add("unparsable").add(JSON.createArrayNode().add(text)));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete("error " + error);
        }
    }
}
