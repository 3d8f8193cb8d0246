package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.wml.Document;

/**
 * A ban is in the identity store when the command replies: the server killed with -9 right after
 * still has it. A wesnothd ban file found at the first start is imported into the store once.
 */
class BanPersistenceIT {

    @TempDir
    Path temp;

    /** wesnothd's ban_save_file with one permanent ban and one deleted ban (times in seconds). */
    private static byte[] wesnothdBanFile() {
        long now = System.currentTimeMillis() / 1000;
        Document file = Document.create();
        file.root().addChild("ban").set("end_time", 0).set("group", "").set("ip", "10.99.*").set("nick", "")
                .set("reason", "carried over").set("start_time", now - 86_400).set("who_banned", "wesnothd-admin");
        file.root().addChild("deleted").addChild("ban").set("end_time", now - 60).set("group", "")
                .set("ip", "10.98.0.1").set("nick", "").set("reason", "long ago").set("start_time", now - 3600)
                .set("who_banned", "wesnothd-admin");
        return file.compressedOutput();
    }

    @Test
    void aBanSurvivesKillMinusNineRightAfterTheReply() throws Exception {
        Path home = temp.resolve("server");
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/tavern.lobby.cfg"), "passwd=secret\n");
        Path banFile = Files.createDirectories(home.resolve("data")).resolve("bans.gz");
        Files.write(banFile, wesnothdBanFile());
        try (ServerProcess server = ServerProcess.start(home, false, "-p", "0")) {
            server.awaitStarted();
            server.awaitConsole(t -> t.contains("configuration applied from tavern.lobby"), Duration.ofSeconds(30),
                    "the lobby configuration");
            server.awaitConsole(t -> t.contains("Imported 2 of the 2 bans and deleted bans of the ban file"),
                    Duration.ofSeconds(30), "the import of the ban file");
            assertFalse(Files.exists(banFile), "imported at the start");
            assertTrue(Files.exists(home.resolve("data/bans.gz.imported")));
            try (ProtocolClient mod = new ProtocolClient("mod", server.awaitPort())) {
                mod.receive();
                mod.send("[version]\nversion=\"1.16.9\"\n[/version]\n");
                mod.receive();
                mod.send("[login]\nusername=\"mod\"\n[/login]\n");
                mod.sync();
                mod.send("[query]\ntype=\"admin secret\"\n[/query]\n");
                mod.send("[query]\ntype=\"bans deleted\"\n[/query]\n");
                List<Document> deleted = mod.sync();
                String deletedList = deleted.get(deleted.size() - 1).root().child("message").attr("message");
                assertTrue(deletedList.startsWith("DELETED BANS LIST\nIP: 10.98.0.1  reason: 'long ago'"), deletedList);
                mod.send("[query]\ntype=\"ban 127.0.0.1 1h crash test\"\n[/query]\n");
                List<Document> replies = mod.sync();
                String banned = replies.get(replies.size() - 1).root().child("message").attr("message");
                assertTrue(banned.startsWith("IP: 127.0.0.1  reason: 'crash test'"), banned);
                server.kill(); // SIGKILL the moment the reply is in
            }
        }
        try (ServerProcess again = ServerProcess.start(home, true, "-p", "0")) {
            again.awaitStarted();
            try (ProtocolClient refused = new ProtocolClient("refused", again.awaitPort())) {
                List<Document> got = refused.untilClosed();
                assertEquals(1, got.size(), got.toString());
                String message = got.get(0).root().child("error").attr("message");
                assertTrue(message.startsWith("You are banned. Reason: crash test (Remaining ban duration: ")
                        && message.endsWith(" minutes)"),
                        message);
            }
            // The imported ban is still there (from the store: the file was renamed), and only once.
            String begin = "bans-begin-" + System.nanoTime();
            again.shell("echo " + begin);
            again.shell("tavern:bans");
            again.shell("echo bans-end");
            String console = again.awaitConsole(t -> t.contains(begin) && t.indexOf("bans-end", t.lastIndexOf(begin)) > 0,
                    Duration.ofSeconds(30), "the ban list");
            String listed = console.substring(console.lastIndexOf(begin), console.indexOf("bans-end", console.lastIndexOf(begin)));
            assertTrue(listed.contains("IP: 10.99.*  reason: 'carried over'"), listed);
            assertEquals(listed.indexOf("10.99.*"), listed.lastIndexOf("10.99.*"), "imported once: " + listed);
            assertTrue(listed.contains("IP: 127.0.0.1  reason: 'crash test'"), listed);
            assertFalse(Files.exists(banFile));
        }
    }
}
