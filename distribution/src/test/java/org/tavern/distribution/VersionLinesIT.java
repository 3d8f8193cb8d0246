package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * What crosses version lines in tavern.jar, with its default configuration (1.16 and 1.18 accepted):
 * a nick is unique across lines, a whisper reaches another line, lobby chat and the lists do not.
 */
class VersionLinesIT {

    @TempDir
    Path temp;

    @Test
    void aNickTakenInOneLineIsRefusedInTheOtherAndWhispersCross() throws Exception {
        try (ServerProcess server = ServerProcess.start(temp.resolve("server"), false, "-p", "0")) {
            server.awaitStarted();
            int port = server.awaitPort();
            try (ProtocolClient twin = ProtocolClient.loggedIn("twin", port, "1.16.9");
                    ProtocolClient second = new ProtocolClient("twin@1.18", port)) {
                assertNotNull(second.receive().root().child("version"));
                second.send("[version]\nversion=\"1.18.5\"\n[/version]\n");
                assertNotNull(second.receive().root().child("mustlogin"), "1.18.5 is accepted by default");
                second.send("[login]\nusername=\"twin\"\n[/login]\n");
                Node refusal = second.receive().root().child("error");
                assertEquals("101", refusal.attr("error_code"));
                assertEquals("The nickname 'twin' is already taken.", refusal.attr("message"));

                second.send("[login]\nusername=\"other\"\n[/login]\n");
                List<Document> welcome = second.sync();
                Document list = welcome.stream().filter(d -> d.root().child("gamelist") != null).findFirst()
                        .orElseThrow();
                assertEquals(List.of("other"), list.root().children("user").stream().map(u -> u.attr("name")).toList(),
                        "the 1.18 lobby lists its own players only");
                assertTrue(twin.sync().isEmpty(), "the 1.16 lobby does not hear of a 1.18 login");

                second.send("[message]\nmessage=\"hello eighteen\"\nroom=\"lobby\"\n[/message]\n");
                second.sync();
                assertTrue(twin.sync().isEmpty(), "lobby chat stays in its line");

                second.send("[whisper]\nmessage=\"psst\"\nreceiver=\"twin\"\n[/whisper]\n");
                second.sync();
                List<Document> got = twin.sync();
                assertEquals(1, got.size(), got.toString());
                Node whisper = got.get(0).root().child("whisper");
                assertEquals("other", whisper.attr("sender"));
                assertEquals("psst", whisper.attr("message"));
            }
        }
    }
}
