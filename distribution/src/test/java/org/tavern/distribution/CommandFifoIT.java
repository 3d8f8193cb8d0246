package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * server.cfg's {@code fifo_path}: the server makes the named pipe, and a line an owner's script
 * writes to it runs that admin command as the console; the answer is logged.
 */
class CommandFifoIT {

    @TempDir
    Path temp;

    @Test
    void aLineWrittenToTheFifoRunsTheCommand() throws Exception {
        Path home = Files.createDirectories(temp.resolve("server"));
        Path cfg = home.resolve("server.cfg");
        Files.writeString(cfg, "fifo_path=\"run/socket\"\n");
        try (ServerProcess server = ServerProcess.start(home, false, "-p", "0", "-c", cfg.toString())) {
            server.awaitStarted();
            Path fifo = home.resolve("run/socket");
            server.awaitConsole(t -> t.contains("Opened fifo at '" + fifo + "'"), Duration.ofSeconds(30), "the fifo");
            assertTrue(Files.exists(fifo));
            try (ProtocolClient player = new ProtocolClient("scripter", server.awaitPort())) {
                player.receive();
                player.send("[version]\nversion=\"1.16.9\"\n[/version]\n");
                player.receive();
                player.send("[login]\nusername=\"scripter\"\n[/login]\n");
                player.sync();

                Files.writeString(fifo, "msg Restart in five minutes\n+owner: status\nfrobnicate\n",
                        StandardCharsets.UTF_8);
                String console = server.awaitConsole(t -> t.contains("Command 'frobnicate' is not recognized."),
                        Duration.ofSeconds(30), "the fifo's commands run");
                assertTrue(console.contains("message 'Restart in five minutes' relayed to players"), console);
                assertTrue(console.contains("STATUS REPORT for ''"), console);
                List<Document> received = player.sync();
                Node alert = received.get(0).root().child("message");
                assertEquals("Restart in five minutes", alert.attr("message"));
                assertEquals("alert", alert.attr("type"));
            }
        }
    }
}
