package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The web lobby in a real browser (headless Chromium) beside real Wesnoth 1.16 clients: the browser
 * user logs in, sees the game a real client created, chats with another real client both ways,
 * whispers to it, and sees the game leave the list when its host goes. Screenshots are written to
 * target/screenshots/.
 */
class WebLobbyBrowserIT {

    @TempDir
    Path temp;

    @Test
    void aBrowserUserSeesRealClientsGameAndChatsWithThem() throws Exception {
        int httpPort = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(temp.resolve("server"), false, "-p", "0",
                "--http-port", Integer.toString(httpPort));
                Browser browser = Browser.start(1280, 800)) {
            server.awaitStarted();
            int port = server.awaitPort();
            WebLobbyIT.awaitHealth(server, httpPort, 200);
            try (RealClient host = RealClient.start(temp, port, "host", "host.lua", Map.of())) {
                server.awaitConsole(t -> t.contains("host created game"), Duration.ofSeconds(90), "the real game");

                browser.driver.get("http://127.0.0.1:" + httpPort + "/");
                browser.driver.findElement(By.id("nick")).sendKeys("browser");
                browser.driver.findElement(By.id("login-button")).click();
                browser.await(d -> d.findElement(By.id("lobby-view")).isDisplayed(), Duration.ofSeconds(20),
                        "the lobby after logging in");

                WebElement game = browser.await(d -> d.findElements(By.cssSelector("#games li.game")).stream()
                        .filter(g -> g.getText().contains("Test")).findFirst().orElse(null), Duration.ofSeconds(20),
                        "the real client's game in the list");
                assertTrue(game.getText().contains("host"), game.getText());

                try (RealClient chatter = RealClient.start(temp, port, "chatter", "web_chat.lua",
                        Map.of("EXPECT", "hello from the browser", "REPLY", "hello browser",
                                "WHISPER", "a secret for chatter"))) {
                    browser.await(d -> d.findElement(By.id("users")).getText().contains("chatter"),
                            Duration.ofSeconds(90), "the real client in the browser's user list");
                    // the client must be in its lobby screen to hear the lobby chat
                    awaitProbe(chatter, "in lobby");
                    say(browser, "hello from the browser");
                    browser.await(d -> d.findElement(By.id("chat")).getText().contains("hello from the browser"),
                            Duration.ofSeconds(10), "the browser user's own line on the page");
                    browser.await(d -> d.findElement(By.id("chat")).getText().contains("hello browser"),
                            Duration.ofSeconds(60), "the real client's answer on the page");
                    say(browser, "/w chatter a secret for chatter");
                    assertEquals(0, chatter.awaitExit(120), "chatter:\n" + chatter.probeLines());
                    String heard = chatter.probeLines();
                    assertTrue(heard.contains("heard browser: hello from the browser"), heard);
                    assertTrue(heard.contains("a secret for chatter"), heard);
                }
                browser.screenshot("web-lobby");

                host.close(); // the host leaves: his game ends and leaves every lobby list
                browser.await(d -> d.findElements(By.cssSelector("#games li.game")).isEmpty(), Duration.ofSeconds(60),
                        "the ended game gone from the list");
            }
            // the same page on a phone's screen
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            browser.screenshot("web-lobby-phone");
        }
    }

    private static void say(Browser browser, String text) {
        WebElement input = browser.driver.findElement(By.id("chat-input"));
        input.sendKeys(text);
        input.submit();
    }

    private static void awaitProbe(RealClient client, String line) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!client.probeLines().contains("tavern-probe " + line)) {
            if (System.nanoTime() > end || !client.process.isAlive()) {
                throw new AssertionError(client.name + " never logged '" + line + "':\n" + client.probeLines());
            }
            Thread.sleep(100);
        }
    }

    static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }
}
