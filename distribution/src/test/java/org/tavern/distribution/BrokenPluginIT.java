package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tavern.wml.Document;

/**
 * Jars that cannot work, dropped into the plugins/ of a running tavern.jar while two players chat
 * through a working chat filter (one that does not resolve, one whose activator throws, one whose
 * component throws as it activates, one that is no zip): each is reported in exactly one log line
 * that says why (also after later deploys make FileInstall retry them), {@code tavern:plugins} shows
 * why, a broken update of the chat filter is rolled back so the filter keeps filtering, and nobody
 * is disconnected.
 */
class BrokenPluginIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void brokenJarsAreReportedOnceAndLeaveTheServerAsItWas() throws Exception {
        Path chatFilter = PluginJar.built("chatfilter.jar",
                "../plugins-examples/chat-filter/target/tavern.plugin.chatfilter-0.1.0-SNAPSHOT.jar");
        Path seen = PluginJar.built("seen.jar", "../plugins-examples/seen/target/tavern.plugin.seen-0.1.0-SNAPSHOT.jar");
        Path unresolvable = BrokenPluginJars.unresolvable(temp.resolve("needs-missing.jar"), "broken.unresolvable",
                "org.example.missing", "[1.0,2)");
        Path throwing = BrokenPluginJars.throwingActivator(temp.resolve("throws.jar"), temp.resolve("javac"),
                "broken.activator", "no database configured");
        Path notAZip = BrokenPluginJars.notAZip(temp.resolve("download.jar"));
        Path failingComponent = BrokenPluginJars.failingComponent(temp.resolve("grumpy.jar"), temp.resolve("javac-ds"),
                "banned.words is not set");
        Path futureFilter = PluginJar.variant(chatFilter, temp.resolve("future-filter.jar"), "9.0.0", Map.of(),
                Map.of("Import-Package", BrokenPluginJars.importsWith(chatFilter, "org.tavern.api", "[9.0,10)")));

        Path home = temp.resolve("home");
        Path plugins = home.resolve("plugins");
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/tavern.lobby.cfg"), "max.messages=100000\n");
        Files.writeString(home.resolve("etc/tavern.plugin.chatfilter.cfg"), "banned.words=frak\nmax.messages=0\n");
        try (ServerProcess server = ServerProcess.start(home, true, "-p", "0")) {
            server.awaitStarted();
            int port = server.awaitPort();
            try (ProtocolClient alice = ProtocolClient.loggedIn("alice", port);
                    ProtocolClient bob = ProtocolClient.loggedIn("bob", port)) {
                PluginJar.deploy(chatFilter, plugins, "chat-filter.jar");
                server.awaitConsole(text -> text.contains("Plugin chat-filter.jar (tavern.plugin.chatfilter"),
                        DEADLINE, "the chat filter started");
                LobbyChat.awaitDelivered(alice, bob, "frak it", "**** it", DEADLINE);

                PluginJar.deploy(unresolvable, plugins, "needs-missing.jar");
                PluginJar.deploy(throwing, plugins, "throws.jar");
                PluginJar.deploy(notAZip, plugins, "download.jar");
                PluginJar.deploy(failingComponent, plugins, "grumpy.jar");
                String needsLine = "Plugin needs-missing.jar (broken.unresolvable 1.0.0) not started: it needs package"
                        + " org.example.missing [1.0.0,2.0.0), which nothing installed exports";
                String throwsLine = "Plugin throws.jar (broken.activator 1.0.0) not started: its activator threw"
                        + " java.lang.IllegalStateException: no database configured";
                String downloadLine = "Plugin download.jar ignored: not a readable jar";
                String componentLine = "Plugin grumpy.jar (broken.component 1.0.0): component grumpy failed to activate:"
                        + " java.lang.IllegalArgumentException: banned.words is not set; the lobby does without it";
                awaitLines(server, needsLine, throwsLine, downloadLine, componentLine);

                // Another deploy makes FileInstall refresh and the starter retry the unresolved one: no new line.
                PluginJar.deploy(seen, plugins, "seen.jar");
                server.awaitConsole(text -> text.contains("Plugin seen.jar (tavern.plugin.seen"), DEADLINE, "seen started");

                // FileInstall refreshed after each deploy, only what it installed: nothing else restarted
                String beforeUpdate = server.consoleText();
                assertEquals(1, count(beforeUpdate, "Plugin filter tavern.plugin.chatfilter/chat-filter added"),
                        beforeUpdate);
                assertEquals(1, count(beforeUpdate, "Lobby ready"), beforeUpdate);

                PluginJar.deploy(futureFilter, plugins, "chat-filter.jar");
                String rollbackLine = "Plugin chat-filter.jar (tavern.plugin.chatfilter 9.0.0) not started: it needs"
                        + " package org.tavern.api [9.0.0,10.0.0), but the server has it only at version ";
                awaitLines(server, rollbackLine);
                assertTrue(lineWith(server.consoleText(), rollbackLine).endsWith("that ran before keeps running"),
                        lineWith(server.consoleText(), rollbackLine));
                // the filter that ran before filters again
                LobbyChat.awaitDelivered(alice, bob, "frak it", "**** it", DEADLINE);

                String listing = server.awaitShellOutput("tavern:plugins", text -> text.contains("the previous version runs"),
                        DEADLINE);
                assertTrue(listing.contains("not started: it needs package org.example.missing [1.0.0,2.0.0)"), listing);
                assertTrue(listing.contains("not started: its activator threw java.lang.IllegalStateException"), listing);

                String console = server.consoleText();
                for (String line : List.of(needsLine, throwsLine, downloadLine, componentLine, rollbackLine)) {
                    assertEquals(1, count(console, line), "reported once: " + line + "\n--- console ---\n" + console);
                }
                assertFalse(console.contains("Unable to resolve"), "no resolver dump:\n" + console);
                assertEquals(1, count(console, "Caused by: java.lang.IllegalStateException: no database configured"),
                        "the activator's stack trace once:\n" + console);
                for (ProtocolClient client : List.of(alice, bob)) {
                    for (Document document : client.sync()) {
                        assertTrue(document.root().child("leave_game") == null && document.root().child("error") == null,
                                client.name + " was sent " + document);
                    }
                }
                assertFalse(console.contains("alice left") || console.contains("bob left"), console);
            }
            assertEquals(143, server.terminate(DEADLINE));
        }
    }

    private static void awaitLines(ServerProcess server, String... lines) throws Exception {
        server.awaitConsole(text -> List.of(lines).stream().allMatch(text::contains), DEADLINE, String.join(" and ", lines));
    }

    private static String lineWith(String console, String part) {
        return console.lines().filter(line -> line.contains(part)).findFirst().orElse("");
    }

    private static int count(String console, String part) {
        return (int) console.lines().filter(line -> line.contains(part)).count();
    }

}
