package org.tavern.plugins.seen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tavern.api.CommandIssuer;
import org.tavern.api.PlayerInfo;

class SeenCommandTest {

    private Instant now = Instant.parse("2026-01-01T12:00:00Z");
    private final SeenCommand seen = new SeenCommand(() -> now);
    private final CommandIssuer player = CommandIssuer.player("bob", false);

    private String ask(String arguments) {
        return seen.execute(player, arguments).toCompletableFuture().join();
    }

    private static PlayerInfo player(String name) {
        return new PlayerInfo(name, "127.0.0.1", "lobby", false, false, 0, Instant.EPOCH, "1.16.9");
    }

    @Test
    void answersOnlineLastSeenAndNeverSeen() {
        seen.loggedIn(player("Alice"));
        now = now.plusSeconds(90);
        assertEquals("Alice is online (since 1 min ago).", ask("alice"));
        seen.loggedOut("Alice", "quit");
        now = now.plusSeconds(2 * 3600 + 5 * 60);
        assertEquals("Alice was last seen 2 h 5 min ago (quit).", ask("ALICE"));
        assertEquals("carol has not been seen since 2 h 6 min ago.", ask("carol"));
    }

    @Test
    void badArgumentsGetTheUsage() {
        assertEquals("Usage: seen <nick>", ask(""));
        assertEquals("Usage: seen <nick>", ask("two nicks"));
    }

    @Test
    void theLeastRecentlySeenAreForgottenBeyondTheCapacity() {
        LastSeen small = new LastSeen(2);
        small.loggedIn("a", now);
        small.loggedIn("b", now);
        small.loggedIn("c", now);
        assertEquals(false, small.find("a").isPresent());
        assertEquals(true, small.find("c").isPresent());
    }
}
