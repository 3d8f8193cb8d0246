package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * A running game with two players and ten observers loses a player to a dropped connection: the
 * host gets the side, the game goes on, and nobody else is disconnected.
 */
class GameDisconnectIT {

    private static final int OBSERVERS = 10;

    @TempDir
    Path temp;

    @Test
    void aPlayerWhoDisconnectsLeavesTheGameRunningForEveryoneElse() throws Exception {
        Path home = Files.createDirectories(temp.resolve("server").resolve("etc"));
        Files.writeString(home.resolve("tavern.transport.cfg"), "connections.per.address=0\n");
        Files.writeString(home.resolve("tavern.lobby.cfg"), "connections.allowed=0\n");
        try (ServerProcess server = ServerProcess.start(temp.resolve("server"), false, "-p", "0")) {
            server.awaitStarted();
            server.awaitConsole(t -> t.contains("Transport configuration applied from tavern.transport"),
                    java.time.Duration.ofSeconds(30), "the transport configuration");
            int port = server.awaitPort();
            List<ProtocolClient> clients = new ArrayList<>();
            try {
                ProtocolClient host = login(clients, port, "host");
                ProtocolClient join = login(clients, port, "join");
                host.send("[create_game]\nignored=\"\"\nname=\"Crowded\"\npassword=\"\"\n[/create_game]\n");
                host.sendGzip(Document.parse(DifferentialIT.capturedLevel()).compressedOutput());
                host.sync();
                join.send("[join]\nid=\"1\"\nobserve=\"no\"\n[/join]\n");
                awaitDocument(join, "user");
                List<ProtocolClient> observers = new ArrayList<>();
                for (int i = 0; i < OBSERVERS; i++) {
                    ProtocolClient observer = login(clients, port, "obs" + i);
                    observer.send("[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n");
                    awaitDocument(observer, "user");
                    observers.add(observer);
                }
                host.send("[scenario_diff]\n[change_child]\nindex=0\n[scenario]\n[change_child]\nindex=1\n[side]\n"
                        + "[insert]\ncurrent_player=\"join\"\nplayer_id=\"join\"\n[/insert]\n[/side]\n[/change_child]\n"
                        + "[/scenario]\n[/change_child]\n[/scenario_diff]\n");
                host.send("[start_game]\n[/start_game]\n");
                awaitDocument(join, "start_game");
                for (ProtocolClient observer : observers) {
                    awaitDocument(observer, "start_game");
                }
                host.send("[turn]\n[command]\n[init_side]\nside_number=1\n[/init_side]\n[/command]\n[/turn]\n");
                for (ProtocolClient client : concat(join, observers)) {
                    assertNotNull(awaitTurnWith(client, "init_side"), client.name + " got the host's move");
                }

                join.close(); // the player's connection drops mid-game

                Document drop = awaitDocument(host, "side_drop");
                Node sideDrop = drop.root().child("side_drop");
                assertEquals("2", sideDrop.attr("side_num"));
                assertEquals("human", sideDrop.attr("controller"));
                for (ProtocolClient observer : observers) {
                    assertNotNull(awaitSpeak(observer, "join has disconnected."), observer.name);
                    assertNotNull(awaitDocument(observer, "change_controller"), observer.name + " saw the new controller");
                }

                // The game goes on: the host plays side 2 now, and every observer still watches.
                host.send("[turn]\n[command]\n[end_turn]\nnext_player_number=2\n[/end_turn]\n[/command]\n[/turn]\n");
                host.send("[turn]\n[command]\n[init_side]\nside_number=2\n[/init_side]\n[/command]\n[/turn]\n");
                for (ProtocolClient observer : observers) {
                    Document turn = awaitTurnWith(observer, "init_side");
                    assertEquals("2", turn.root().child("turn").child("command").child("init_side")
                            .attr("side_number"), observer.name);
                }
                for (ProtocolClient client : concat(host, observers)) {
                    for (Document document : client.sync()) {
                        assertTrue(document.root().child("leave_game") == null, client.name + " was not sent away");
                    }
                }
                String console = server.consoleText();
                assertTrue(console.contains("join left"), console);
                for (int i = 0; i < OBSERVERS; i++) {
                    assertTrue(!console.contains("obs" + i + " left"), "obs" + i + " is still connected:\n" + console);
                }
            } finally {
                for (ProtocolClient client : clients) {
                    client.close();
                }
            }
        }
    }

    private static List<ProtocolClient> concat(ProtocolClient first, List<ProtocolClient> rest) {
        List<ProtocolClient> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static ProtocolClient login(List<ProtocolClient> clients, int port, String name) throws Exception {
        ProtocolClient client = ProtocolClient.loggedIn(name, port);
        clients.add(client);
        return client;
    }

    /** Reads until a document with that root child arrives (the socket's read timeout bounds the wait). */
    private static Document awaitDocument(ProtocolClient client, String tag) throws Exception {
        while (true) {
            Document document = client.receive();
            if (document.root().child(tag) != null) {
                return document;
            }
        }
    }

    private static Document awaitTurnWith(ProtocolClient client, String commandChild) throws Exception {
        while (true) {
            Document document = awaitDocument(client, "turn");
            Node command = document.root().child("turn").child("command");
            if (command != null && command.child(commandChild) != null) {
                return document;
            }
        }
    }

    private static Document awaitSpeak(ProtocolClient client, String message) throws Exception {
        while (true) {
            Document document = awaitTurnWith(client, "speak");
            if (message.equals(document.root().child("turn").child("command").child("speak").attr("message"))) {
                return document;
            }
        }
    }
}
