package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * The web side of tavern.jar over HTTP: a browser session (the JDK's WebSocket client speaking the
 * JSON messages) and a game client in one lobby, chatting and whispering both ways; /metrics read
 * with Prometheus' own parser and checked against that load; /health turning 503 when the store stops.
 */
class WebLobbyIT {

    @TempDir
    Path temp;

    @Test
    void aWebSessionAndAGameClientShareTheLobbyAndTheFiguresShowIt() throws Exception {
        int httpPort = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(temp.resolve("server"), true, "-p", "0",
                "--http-port", Integer.toString(httpPort))) {
            server.awaitStarted();
            int port = server.awaitPort();
            awaitHealth(server, httpPort, 200);
            try (ProtocolClient gamer = ProtocolClient.loggedIn("gamer", port);
                    WebLobbyClient web = WebLobbyClient.loggedIn(httpPort, "webby")) {
                // the game client sees the web user arrive as a lobby user like any other
                awaitDocument(gamer, root -> root.child("gamelist_diff") != null
                        && root.child("gamelist_diff").toString().contains("webby"), "webby in gamer's lobby");

                web.send("chat", List.of("hello from the web"));
                Node heard = awaitDocument(gamer, root -> root.child("message") != null, "webby's line").child("message");
                assertEquals("webby", heard.text("sender"));
                assertEquals("hello from the web", heard.text("message"));

                gamer.send("[message]\nmessage=\"hello browser\"\nsender=\"gamer\"\nroom=\"lobby\"\n[/message]\n");
                JsonNode line = web.await(m -> WebLobbyClient.name(m).equals("message")
                        && WebLobbyClient.kwargs(m).path("sender").asText().equals("gamer"), "gamer's line");
                assertEquals("hello browser", WebLobbyClient.kwargs(line).get("message").asText());

                web.send("whisper", List.of("gamer", "psst gamer"));
                Node whisper = awaitDocument(gamer, root -> root.child("whisper") != null, "webby's whisper")
                        .child("whisper");
                assertEquals("webby", whisper.text("sender"));
                assertEquals("psst gamer", whisper.text("message"));
                gamer.send("[whisper]\nreceiver=\"webby\"\nmessage=\"psst webby\"\nsender=\"gamer\"\n[/whisper]\n");
                JsonNode whispered = web.await(m -> WebLobbyClient.name(m).equals("whisper"), "gamer's whisper");
                assertEquals("psst webby", WebLobbyClient.kwargs(whispered).get("message").asText());

                // a taken nick is refused with wesnothd's code, as a game client would be
                try (WebLobbyClient late = WebLobbyClient.connect(httpPort)) {
                    late.await(m -> WebLobbyClient.name(m).equals("mustlogin"), "mustlogin");
                    late.send("login", List.of("gamer"));
                    JsonNode refused = late.await(m -> WebLobbyClient.name(m).equals("error"), "the refusal");
                    assertEquals("101", WebLobbyClient.kwargs(refused).get("error_code").asText());

                    Map<String, Double> metrics = PrometheusText.parse(get(httpPort, "/metrics").body());
                    assertEquals(1.0, metrics.get("tavern_connections{kind=\"web\",state=\"logged_in\"}"), metrics::toString);
                    assertEquals(2.0, metrics.get("tavern_connections{kind=\"web\",state=\"open\"}"), metrics::toString);
                    assertEquals(1.0, metrics.get("tavern_connections{kind=\"web\",state=\"pre_login\"}"), metrics::toString);
                    assertEquals(1.0, metrics.get("tavern_connections{kind=\"game\",state=\"logged_in\"}"), metrics::toString);
                    assertEquals(1.0, metrics.get("tavern_connections{kind=\"game\",state=\"open\"}"), metrics::toString);
                    assertEquals(2.0, metrics.get("tavern_players_online{}"), metrics::toString);
                    assertEquals(2.0, metrics.get("tavern_logins_total{}"), metrics::toString);
                    assertEquals(1.0, metrics.get("tavern_web_refusals_total{code=\"101\"}"), metrics::toString);
                    // the lobby counts every refused login, a web session's as a game client's
                    assertEquals(1.0, metrics.get("tavern_logins_refused_total{code=\"101\"}"), metrics::toString);
                    assertEquals(0.0, metrics.get("tavern_games{state=\"running\"}"), metrics::toString);
                    assertEquals(1.0, metrics.get("tavern_store_up{}"), metrics::toString);
                    double framesRead = metrics.entrySet().stream()
                            .filter(e -> e.getKey().startsWith("tavern_transport_frames_total{direction=\"read\""))
                            .mapToDouble(Map.Entry::getValue).sum();
                    assertTrue(framesRead >= 5, "the game client's frames: " + framesRead);
                    assertTrue(metrics.get("jvm_threads_current{}") > 0, metrics::toString);
                    assertTrue(metrics.get("tavern_transport_in_flight_bytes{kind=\"budget\"}") > 0, metrics::toString);
                }

                // the lobby's flood control holds a web user as it holds a game client: 4 lines in 10 s
                for (int i = 1; i <= 5; i++) {
                    web.send("chat", List.of("line " + i));
                }
                JsonNode warned = web.await(m -> WebLobbyClient.name(m).equals("message")
                        && WebLobbyClient.kwargs(m).path("message").asText().contains("too many messages"),
                        "the lobby's flood warning");
                assertEquals("error", WebLobbyClient.kwargs(warned).path("type").asText());
                // the warning means the lobby has handled all five; what it relayed is before gamer's sync answer
                List<String> heardLines = new java.util.ArrayList<>();
                for (Document document : gamer.sync()) {
                    Node message = document.root().child("message");
                    if (message != null && message.text("sender").equals("webby")) {
                        heardLines.add(message.text("message"));
                    }
                }
                // 4 lines in 10 s, counting the one webby said above: the first lines pass, in order, the 5th never
                assertTrue(!heardLines.isEmpty() && heardLines.size() < 5, heardLines.toString());
                for (int i = 0; i < heardLines.size(); i++) {
                    assertEquals("line " + (i + 1), heardLines.get(i));
                }

                // a kick from the console ends the web session as it would a game client's
                assertTrue(server.shellOutput("tavern:kick webby").contains("webby"));
                assertTrue(web.awaitClose().startsWith("1000"), "kicked: the socket is closed");
                awaitDocument(gamer, root -> root.child("gamelist_diff") != null
                        && root.child("gamelist_diff").toString().contains("delete_child"), "webby gone from the lobby");
            }

            // the store stops: /health says so with 503, and recovers when it is back
            String identity = bundleId(server, "tavern.identity");
            server.shell("stop " + identity);
            HttpResponse<String> down = awaitHealth(server, httpPort, 503);
            JsonNode body = WebLobbyClient.JSON.readTree(down.body());
            assertEquals("down", body.get("status").asText());
            assertTrue(body.get("checks").get("store").asText().startsWith("down"), down.body());
            assertEquals("up", body.get("checks").get("lobby").asText(), down.body());
            assertEquals("up", body.get("checks").get("transport").asText(), down.body());
            server.shell("start " + identity);
            awaitHealth(server, httpPort, 200);
        }
    }

    static HttpResponse<String> get(int httpPort, String path) throws Exception {
        return WebLobbyClient.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls /health until it answers {@code status}; fails with the last answer after 30 s. */
    static HttpResponse<String> awaitHealth(ServerProcess server, int httpPort, int status) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String last = "no answer";
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> response = get(httpPort, "/health");
                if (response.statusCode() == status) {
                    return response;
                }
                last = response.statusCode() + " " + response.body();
            } catch (java.io.IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("/health did not answer " + status + " within 30 s; last: " + last
                + "\n--- server console ---\n" + server.consoleText());
    }

    private static Node awaitDocument(ProtocolClient client, java.util.function.Predicate<Node> condition,
            String what) throws Exception {
        for (int i = 0; i < 200; i++) {
            Document document = client.receive();
            if (condition.test(document.root())) {
                return document.root();
            }
        }
        throw new AssertionError("no " + what);
    }

    private static final Pattern BUNDLE_LINE = Pattern.compile("(?m)^\\s*(\\d+)\\|[^|]*\\|[^|]*\\|([^ |]+)");

    static String bundleId(ServerProcess server, String symbolicName) throws Exception {
        String listing = server.shellOutput("lb -s");
        Matcher line = BUNDLE_LINE.matcher(listing);
        while (line.find()) {
            if (line.group(2).equals(symbolicName)) {
                return line.group(1);
            }
        }
        throw new AssertionError(symbolicName + " not in:\n" + listing);
    }
}
