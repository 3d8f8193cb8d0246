package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The admin dashboard in headless Chromium: a moderator signs in with his password, sees the chat
 * filter plugin's state and a ban, lifts the ban with the page's button (the server's own unban
 * command), and the server's ban list agrees. A screenshot goes to target/screenshots/web-admin.png.
 */
class WebAdminBrowserIT {

    @TempDir
    Path temp;

    @Test
    void aModeratorSignsInSeesAPluginAndLiftsABan() throws Exception {
        Path home = temp.resolve("server");
        Files.createDirectories(home.resolve("plugins"));
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/tavern.plugin.chatfilter.cfg"), "banned.words=frak\n");
        Files.copy(Path.of(System.getProperty("chatfilter.jar",
                "../plugins-examples/chat-filter/target/tavern.plugin.chatfilter-0.1.0-SNAPSHOT.jar")),
                home.resolve("plugins/tavern.plugin.chatfilter.jar"));
        int httpPort = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(home, true, "-p", "0", "--http-port",
                Integer.toString(httpPort));
                Browser browser = Browser.start(1280, 1000)) {
            server.awaitStarted();
            int port = server.awaitPort();
            WebLobbyIT.awaitHealth(server, httpPort, 200);
            assertTrue(server.shellOutput("tavern:register modcat - s3cret-Passw0rd").contains("Registered modcat"));
            assertTrue(server.shellOutput("tavern:account modcat moderator yes").contains("modcat"));
            assertTrue(server.shellOutput("tavern:register plain - plain-Passw0rd").contains("Registered plain"));
            assertTrue(server.shellOutput("tavern:ban 10.9.8.7 1h spam from the test").contains("10.9.8.7"));
            try (ProtocolClient gamer = ProtocolClient.loggedIn("gamer", port)) {

                browser.driver.get("http://127.0.0.1:" + httpPort + "/admin/");
                // a registered nick without the moderator flag is refused
                signIn(browser, "plain", "plain-Passw0rd");
                browser.await(d -> d.findElement(By.id("login-error")).getText().contains("not a moderator"),
                        Duration.ofSeconds(20), "the refusal of a player who is no moderator");
                signIn(browser, "modcat", "s3cret-Passw0rd");
                browser.await(d -> d.findElement(By.id("dash")).isDisplayed(), Duration.ofSeconds(20), "the dashboard");

                // (the page lets long names wrap at their dots and slash with zero-width spaces)
                String plugins = browser.await(d -> {
                    String text = d.findElement(By.id("plugins")).getText().replace("\u200b", "");
                    return text.contains("tavern.plugin.chatfilter") ? text : null;
                }, Duration.ofSeconds(30), "the chat filter in the plugin table");
                assertTrue(plugins.matches("(?s).*tavern\\.plugin\\.chatfilter/chat-filter\\s+filter\\s+\\d+\\s+active.*"),
                        plugins);
                assertTrue(browser.driver.findElement(By.id("users")).getText().contains("gamer"));

                // the plugin's filter screens a web user's lines as it screens a game client's
                try (WebLobbyClient web = WebLobbyClient.loggedIn(httpPort, "webby")) {
                    web.send("chat", java.util.List.of("what the frak"));
                    for (int i = 0; ; i++) {
                        var message = gamer.receive().root().child("message");
                        if (message != null && message.text("sender").equals("webby")) {
                            assertEquals("what the ****", message.text("message"));
                            break;
                        }
                        assertTrue(i < 200, "webby's line never reached gamer");
                    }
                }

                browser.await(d -> d.findElements(By.cssSelector("#bans button.lift")).stream()
                        .anyMatch(b -> "10.9.8.7".equals(b.getDomAttribute("data-mask"))) ? true : null,
                        Duration.ofSeconds(20), "the ban with its Lift button");
                browser.screenshot("web-admin");
                browser.await(d -> {
                    d.findElements(By.cssSelector("#bans button.lift")).stream()
                            .filter(b -> "10.9.8.7".equals(b.getDomAttribute("data-mask"))).findFirst()
                            .orElseThrow().click();
                    return true;
                }, Duration.ofSeconds(20), "a click on the ban's Lift button");
                browser.await(d -> d.findElement(By.id("reply")).getText().contains("removed"), Duration.ofSeconds(20),
                        "the unban command's answer");
                browser.await(d -> !d.findElement(By.id("bans")).getText().contains("10.9.8.7"),
                        Duration.ofSeconds(20), "the ban gone from the table");
                assertFalse(server.shellOutput("tavern:bans").contains("10.9.8.7"), "the server's ban list");
                browser.await(d -> d.findElements(By.cssSelector("#games li, #users tbody tr")).size() == 1,
                        Duration.ofSeconds(20), "one user (webby has left), no game");
            }
        }
    }

    private static void signIn(Browser browser, String nick, String password) {
        WebElement nickField = browser.driver.findElement(By.id("nick"));
        nickField.clear();
        nickField.sendKeys(nick);
        WebElement passwordField = browser.driver.findElement(By.id("password"));
        passwordField.clear();
        passwordField.sendKeys(password);
        browser.driver.findElement(By.id("login-button")).click();
    }
}
