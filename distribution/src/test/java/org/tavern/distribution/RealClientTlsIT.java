package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * The real 1.16.9 client logs a registered nick in over TLS with {@code --password}, and is refused
 * with the server's message when the password is wrong.
 *
 * <p>The client asks for TLS only for a server named by host name on a non-loopback address, and it
 * verifies the certificate and the name: the client runs in a {@link ClientNamespace} where
 * {@code tavern.test} is this machine, and trusts a {@link TestCertificates} authority through
 * {@code SSL_CERT_FILE}. Without TLS the client would not send the password at all, so a successful
 * login is itself proof of the encrypted path; the client's network log ({@code --log-debug=network})
 * shows the certificate check and each document it received.
 */
class RealClientTlsIT {

    private static final String VERIFIED = "Verifying TLS certificate: /CN=Tavern test authority: verified";

    @TempDir
    Path temp;

    @Test
    void registeredNickLogsInOverTlsAndAWrongPasswordIsRefused() throws Exception {
        TestCertificates certificates = TestCertificates.forHost(temp.resolve("tls"), ClientNamespace.SERVER_NAME);
        Path config = temp.resolve("server.cfg");
        Files.writeString(config, "tls_enabled=yes\ntls_fullchain=\"" + certificates.fullChain() + "\"\n"
                + "tls_private_key=\"" + certificates.privateKey() + "\"\n");
        try (ClientNamespace namespace = ClientNamespace.create();
                ServerProcess server = ServerProcess.start(temp.resolve("server"), true, "-p", "0", "-c",
                        config.toString())) {
            server.awaitStarted();
            int port = server.awaitPort();
            server.awaitConsole(text -> text.contains("TLS offered"), Duration.ofSeconds(30), "TLS on the listener");
            server.shell("tavern:register alice - s3cret-pw");
            server.awaitConsole(text -> text.contains("Registered alice"), Duration.ofSeconds(30), "the registration");
            RealClient.Launch overTls = new RealClient.Launch(ClientNamespace.SERVER_NAME + ":" + port,
                    namespace.wrapper(), List.of("--log-debug=network"),
                    Map.of("SSL_CERT_FILE", certificates.authority().toString()));

            try (ProtocolClient watcher = ProtocolClient.loggedIn("watcher", port);
                    RealClient alice = RealClient.start(temp, withPassword(overTls, "s3cret-pw"), "alice",
                            "lobby_chat.lua", Map.of("SAY", "hello over tls", "EXPECT", "welcome alice", "REPLY", ""))) {
                server.awaitConsole(text -> text.contains("alice logged in from " + prefixOf(namespace)),
                        Duration.ofSeconds(90), "alice's login from the namespace");
                Node entry = awaitInsertedUser(watcher, "alice");
                assertEquals("yes", entry.attr("registered"), "alice's lobby entry: " + entry);
                awaitChat(watcher, "alice", "hello over tls");
                watcher.send("[message]\nmessage=\"welcome alice\"\nsender=\"watcher\"\n[/message]\n");
                assertEquals(0, alice.awaitExit(120), "alice:\n" + alice.probeLines());
                assertTrue(alice.output().contains(VERIFIED), "no verified certificate in alice's log");
                assertTrue(alice.probeLines().contains("heard watcher: welcome alice"), alice.probeLines());
            }

            Path wrongHome = temp.resolve("wrong");
            try (RealClient wrong = RealClient.start(wrongHome, withPassword(overTls, "not-her-password"), "alice",
                    "lobby_chat.lua", Map.of("SAY", "", "EXPECT", "", "REPLY", ""))) {
                String log = awaitOutput(wrong, "error_code = 203", Duration.ofSeconds(90));
                assertTrue(log.contains(VERIFIED), "no verified certificate in the refused client's log");
                assertTrue(log.contains("message = The password you provided for the nickname 'alice' was incorrect."),
                        "the server's message is not in the client's log:\n" + tail(log));
                assertFalse(wrong.probeLines().contains("in lobby"), wrong.probeLines());
                server.awaitConsole(text -> text.contains("Wrong password for alice from " + prefixOf(namespace)),
                        Duration.ofSeconds(30), "the refusal on the server");
            }
        }
    }

    private static RealClient.Launch withPassword(RealClient.Launch launch, String password) {
        List<String> options = new java.util.ArrayList<>(launch.options());
        options.add("--password=" + password);
        return new RealClient.Launch(launch.server(), launch.wrapper(), options, launch.environment());
    }

    /** The first three parts of the namespace's addresses: the server sees the client from there. */
    private static String prefixOf(ClientNamespace namespace) {
        return namespace.serverAddress.substring(0, namespace.serverAddress.lastIndexOf('.') + 1);
    }

    /** The lobby entry a {@code [gamelist_diff]} inserts for {@code name}. */
    private static Node awaitInsertedUser(ProtocolClient watcher, String name) throws IOException {
        return awaitDocument(watcher, document -> {
            Node diff = document.root().child("gamelist_diff");
            if (diff == null) {
                return null;
            }
            for (Node insert : diff.children("insert_child")) {
                Node user = insert.child("user");
                if (user != null && name.equals(user.attr("name"))) {
                    return user;
                }
            }
            return null;
        }, "the lobby entry of " + name);
    }

    private static void awaitChat(ProtocolClient watcher, String sender, String text) throws IOException {
        awaitDocument(watcher, document -> {
            Node message = document.root().child("message");
            return message != null && sender.equals(message.attr("sender")) && text.equals(message.attr("message"))
                    ? message : null;
        }, sender + "'s chat");
    }

    /** Reads documents until {@code match} finds what it looks for, for at most a minute. */
    private static Node awaitDocument(ProtocolClient watcher, java.util.function.Function<Document, Node> match,
            String what) throws IOException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            try {
                Node found = match.apply(watcher.receive());
                if (found != null) {
                    return found;
                }
            } catch (SocketTimeoutException quiet) {
                // nothing for a while: go on waiting until the deadline
            }
        }
        throw new AssertionError("watcher did not see " + what + " within a minute");
    }

    private static String awaitOutput(RealClient client, String text, Duration deadline) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            String output = client.output();
            if (output.contains(text)) {
                return output;
            }
            if (!client.process.isAlive() || System.nanoTime() > end) {
                throw new AssertionError(client.name + " never logged '" + text + "':\n" + tail(output));
            }
            Thread.sleep(100);
        }
    }

    private static String tail(String text) {
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }
}
