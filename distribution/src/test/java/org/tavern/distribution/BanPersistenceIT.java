package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.wml.Document;

/** A ban is on disk when the command replies: the server killed with -9 right after still has it. */
class BanPersistenceIT {

    @TempDir
    Path temp;

    @Test
    void aBanSurvivesKillMinusNineRightAfterTheReply() throws Exception {
        Path home = temp.resolve("server");
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/tavern.lobby.cfg"), "passwd=secret\n");
        try (ServerProcess server = ServerProcess.start(home, false, "-p", "0")) {
            server.awaitStarted();
            server.awaitConsole(t -> t.contains("configuration applied from tavern.lobby"), Duration.ofSeconds(30),
                    "the lobby configuration");
            try (ProtocolClient mod = new ProtocolClient("mod", server.awaitPort())) {
                mod.receive();
                mod.send("[version]\nversion=\"1.16.9\"\n[/version]\n");
                mod.receive();
                mod.send("[login]\nusername=\"mod\"\n[/login]\n");
                mod.sync();
                mod.send("[query]\ntype=\"admin secret\"\n[/query]\n");
                mod.send("[query]\ntype=\"ban 127.0.0.1 1h crash test\"\n[/query]\n");
                List<Document> replies = mod.sync();
                String banned = replies.get(replies.size() - 1).root().child("message").attr("message");
                assertTrue(banned.startsWith("IP: 127.0.0.1  reason: 'crash test'"), banned);
                server.kill(); // SIGKILL the moment the reply is in
            }
        }
        try (ServerProcess again = ServerProcess.start(home, false, "-p", "0")) {
            again.awaitStarted();
            try (ProtocolClient refused = new ProtocolClient("refused", again.awaitPort())) {
                List<Document> got = refused.untilClosed();
                assertEquals(1, got.size(), got.toString());
                String message = got.get(0).root().child("error").attr("message");
                assertTrue(message.startsWith("You are banned. Reason: crash test (Remaining ban duration: ")
                        && message.endsWith(" minutes)"),
                        message);
            }
        }
    }
}
