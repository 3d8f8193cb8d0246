package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * A nick registered in the server's Gogo shell logs in with its password, as with a wesnothd built
 * with a user database: a password request (200), a wrong password (203), then the lobby with
 * {@code registered="yes"} and the moderator flag of the account; a second login takes the nick over.
 */
class RegisteredLoginIT {

    @TempDir
    Path temp;

    @Test
    void registeredNickLogsInWithItsPasswordAndTakesItselfOver() throws Exception {
        try (ServerProcess server = ServerProcess.start(temp.resolve("server"), true, "-p", "0")) {
            server.awaitStarted();
            int port = server.awaitPort();
            server.shell("tavern:register alice - s3cret-pw");
            server.awaitConsole(text -> text.contains("Registered alice"), Duration.ofSeconds(30), "the registration");
            server.shell("tavern:account alice moderator yes");
            server.awaitConsole(text -> text.contains("Account ") && text.contains("alice"), Duration.ofSeconds(30),
                    "the moderator flag");

            try (ProtocolClient first = versioned("alice", port)) {
                first.send("[login]\nusername=\"alice\"\n[/login]\n");
                Node request = first.receive().root().child("error");
                assertNotNull(request);
                assertEquals("The nickname 'alice' is registered on this server.", request.text("message"));
                assertEquals("200", request.attr("error_code"));
                assertEquals("yes", request.attr("password_request"));

                first.send("[login]\npassword=\"wrong\"\nusername=\"alice\"\n[/login]\n");
                Node wrong = first.receive().root().child("error");
                assertEquals("203", wrong.attr("error_code"));
                assertEquals("The password you provided for the nickname 'alice' was incorrect.", wrong.text("message"));

                first.send("[login]\npassword=\"s3cret-pw\"\nusername=\"alice\"\n[/login]\n");
                assertEquals("yes", first.receive().root().child("join_lobby").attr("is_moderator"));
                Node entry = first.receive().root().child("user");
                assertEquals("alice", entry.attr("name"));
                assertEquals("yes", entry.attr("registered"));
                assertEquals("yes", entry.attr("moderator"));
                first.sync();

                try (ProtocolClient second = versioned("alice", port)) {
                    second.send("[login]\nusername=\"alice\"\n[/login]\n");
                    assertEquals("201", second.receive().root().child("error").attr("error_code"));
                    second.send("[login]\npassword=\"s3cret-pw\"\nusername=\"alice\"\n[/login]\n");
                    assertNotNull(second.receive().root().child("join_lobby"));
                    List<Document> rest = first.untilClosed();
                    assertEquals("You have been kicked. Reason: autokick by registered user",
                            rest.get(rest.size() - 1).root().child("error").text("message"));

                    second.sync();
                    second.send("[nickserv]\n[info]\nname=\"alice\"\n[/info]\n[/nickserv]\n");
                    Node info = second.receive().root().child("message");
                    assertEquals("info", info.attr("type"));
                    String text = info.text("message");
                    org.junit.jupiter.api.Assertions.assertTrue(text.startsWith("Name: alice\nRegistered: "), text);
                    org.junit.jupiter.api.Assertions.assertFalse(text.contains("Last login: Never"), text);
                }
            }
        }
    }

    private static ProtocolClient versioned(String name, int port) throws Exception {
        ProtocolClient client = new ProtocolClient(name, port);
        client.receive();
        client.send("[version]\nversion=\"1.16.9\"\n[/version]\n");
        assertNotNull(client.receive().root().child("mustlogin"));
        return client;
    }
}
