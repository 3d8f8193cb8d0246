package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input on the web lobby's WebSocket: each gets a clear error or a close with a reason, the
 * server's memory stays bounded, and a well-behaved web session and game client go on undisturbed.
 */
class WebLobbyLimitsIT {

    @TempDir
    Path temp;

    @Test
    void badFramesFloodsAndAThousandIdleSocketsAreAnsweredOrClosed() throws Exception {
        Path home = temp.resolve("server");
        Files.createDirectories(home.resolve("etc"));
        int httpPort = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(home, false, "-p", "0", "--http-port",
                Integer.toString(httpPort))) {
            server.awaitStarted();
            int port = server.awaitPort();
            WebLobbyIT.awaitHealth(server, httpPort, 200);
            try (ProtocolClient gamer = ProtocolClient.loggedIn("gamer", port);
                    WebLobbyClient calm = WebLobbyClient.loggedIn(httpPort, "calm")) {

                try (WebLobbyClient bad = WebLobbyClient.loggedIn(httpPort, "bad")) {
                    bad.sendText("{not json");
                    assertEquals("malformed", code(bad.await(m -> WebLobbyClient.name(m).equals("error"), "an error")));
                    bad.sendText("[\"teleport\", [], {}]");
                    JsonNode unknown = bad.await(m -> WebLobbyClient.name(m).equals("error"), "an error");
                    assertEquals("unknown_message", code(unknown));
                    assertTrue(unknown.get(1).get(0).asText().contains("teleport"), unknown.toString());
                    bad.sendText("[\"chat\", [42]]");
                    assertEquals("malformed", code(bad.await(m -> WebLobbyClient.name(m).equals("error"), "an error")));
                    bad.sendText("[\"chat\", [\"" + "x".repeat(10_000) + "\"]]");
                    assertTrue(bad.awaitClose().startsWith("1009"), "an oversize frame closes with 1009");
                }

                try (WebLobbyClient flood = WebLobbyClient.loggedIn(httpPort, "flood")) {
                    // a burst of 30 is allowed, 10 a second after it: 60 at once are too many
                    try {
                        for (int i = 0; i < 60 && !flood.closed.isDone(); i++) {
                            flood.sendText("[\"ping\"]");
                        }
                    } catch (java.util.concurrent.CompletionException closedMeanwhile) {
                        // the server closed the socket while we were still sending: as it should
                    }
                    JsonNode told = flood.await(m -> WebLobbyClient.name(m).equals("error"), "the flood error");
                    assertEquals("flood", code(told));
                    assertTrue(flood.awaitClose().startsWith("1008"), "a flood closes with 1008");
                }

                // only calm is left open (the closes above are done on the server's side too)
                awaitOpenWebSockets(httpPort, 1);
                // 1000 sockets that never log in, all from one address: the first 31 (calm holds one
                // of the 32 an address may have) wait for their login, the rest are closed at once with
                // the reason
                HttpClient many = HttpClient.newHttpClient();
                List<WebLobbyClient> idle = new ArrayList<>();
                try {
                    for (int i = 0; i < 1000; i++) {
                        idle.add(WebLobbyClient.connect(many, httpPort));
                    }
                    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
                    while (idle.stream().filter(c -> c.closed.isDone()).count() < 1000 - 31
                            && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    List<String> closes = idle.stream().filter(c -> c.closed.isDone()).map(c -> c.closed.join()).toList();
                    assertEquals(1000 - 31, closes.size(), "sockets closed at once");
                    for (String close : closes) {
                        assertTrue(close.startsWith("1013") && close.contains("Too many web lobby connections"), close);
                    }
                    awaitOpenWebSockets(httpPort, 32);
                } finally {
                    idle.forEach(WebLobbyClient::close);
                }
                awaitOpenWebSockets(httpPort, 1);

                // a socket that never logs in is closed once the login time is up (changed live)
                Files.writeString(home.resolve("etc/tavern.web.lobby.cfg"), "login.timeout.seconds=2\n");
                server.awaitConsole(t -> t.contains("login within 2 s"), java.time.Duration.ofSeconds(30),
                        "the new web lobby configuration");
                try (WebLobbyClient silent = WebLobbyClient.connect(httpPort)) {
                    String close = silent.awaitClose(java.time.Duration.ofSeconds(20));
                    assertTrue(close.startsWith("1008") && close.contains("No login within 2 s"), close);
                }

                // undisturbed: the calm web session and the game client still talk
                calm.send("chat", List.of("still here"));
                for (int i = 0; ; i++) {
                    var document = gamer.receive();
                    var message = document.root().child("message");
                    if (message != null && message.text("message").equals("still here")) {
                        break;
                    }
                    assertTrue(i < 200, "calm's line never reached the game client");
                }
                Map<String, Double> metrics = PrometheusText.parse(WebLobbyIT.get(httpPort, "/metrics").body());
                assertEquals(1.0, metrics.get("tavern_connections{kind=\"web\",state=\"open\"}"), metrics::toString);
                double heapUsed = metrics.get("jvm_memory_used_bytes{area=\"heap\"}");
                assertTrue(heapUsed < 512 * 1024 * 1024, "heap after the storm: " + heapUsed);
            }
        }
    }

    /** Polls /metrics until the web lobby has {@code count} sockets open. */
    private static void awaitOpenWebSockets(int httpPort, int count) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        Double open = null;
        while (System.nanoTime() < deadline) {
            open = PrometheusText.parse(WebLobbyIT.get(httpPort, "/metrics").body())
                    .get("tavern_connections{kind=\"web\",state=\"open\"}");
            if (open != null && open == count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("web sockets open: " + open + ", expected " + count);
    }

    private static String code(JsonNode error) {
        return WebLobbyClient.kwargs(error).path("code").asText();
    }
}
