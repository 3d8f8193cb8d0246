package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web lobby takes a registered nick's password only over HTTPS or from the server's own machine:
 * a browser reaching tavern.jar's plain HTTP port at a non-loopback address of this machine (the
 * host end of a {@link ClientNamespace}'s veth pair; needs root, and fails, never skips, without it)
 * is refused with a clear error when it sends a password, and may still log in as a guest; the same
 * password from loopback logs the nick in.
 */
class WebLobbyPasswordIT {

    @TempDir
    Path temp;

    @Test
    void aPasswordOverPlainHttpFromAnotherAddressIsRefusedAndAGuestLogsIn() throws Exception {
        int httpPort = ServerProcess.freePort();
        try (ClientNamespace network = ClientNamespace.create();
                ServerProcess server = ServerProcess.start(temp.resolve("server"), true, "-p", "0", "--http-port",
                        Integer.toString(httpPort))) {
            server.awaitStarted();
            server.awaitPort();
            WebLobbyIT.awaitHealth(server, httpPort, 200);
            server.shell("tavern:register alice - s3cret-pw");
            server.awaitConsole(text -> text.contains("Registered alice"), Duration.ofSeconds(30), "the registration");

            URI away = URI.create("ws://" + network.serverAddress + ":" + httpPort + "/ws");
            try (WebLobbyClient far = WebLobbyClient.connect(WebLobbyClient.HTTP, away)) {
                far.await(m -> WebLobbyClient.name(m).equals("mustlogin"), "mustlogin");
                far.send("login", List.of("alice"), Map.of("password", "s3cret-pw"));
                JsonNode refused = far.await(m -> WebLobbyClient.name(m).equals("error"), "the refusal");
                assertEquals("insecure_password", WebLobbyClient.kwargs(refused).path("code").asText(),
                        refused.toString());
                assertEquals("Passwords are accepted only over HTTPS (or from the server's own machine).",
                        refused.get(1).get(0).asText());

                // the same session logs in as a guest, seen by the server at the non-loopback address
                far.send("login", List.of("wanderer"));
                far.await(m -> WebLobbyClient.name(m).equals("gamelist"), "the lobby list after the guest login");
                server.awaitConsole(text -> text.contains("wanderer logged in from " + network.serverAddress + " "),
                        Duration.ofSeconds(10), "the guest's login from " + network.serverAddress);
                assertTrue(!server.consoleText().contains("alice logged in"), "alice never logged in from afar");
            }

            // from loopback the same password is taken: the address alone made the difference
            try (WebLobbyClient near = WebLobbyClient.connect(httpPort)) {
                near.await(m -> WebLobbyClient.name(m).equals("mustlogin"), "mustlogin");
                near.send("login", List.of("alice"), Map.of("password", "s3cret-pw"));
                near.await(m -> WebLobbyClient.name(m).equals("gamelist"), "the lobby list after alice's login");
                server.awaitConsole(text -> text.contains("alice logged in from 127.0.0.1 "), Duration.ofSeconds(10),
                        "alice's login from loopback");
            }
        }
    }
}
