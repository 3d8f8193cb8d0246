package org.tavern.web.internal.lobby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitsTest {

    @Test
    void aBurstPassesThenTheRateRefillsIt() {
        RateLimit rate = new RateLimit(10, 3);
        long t = 1_000_000_000L;
        assertTrue(rate.tryTake(t));
        assertTrue(rate.tryTake(t));
        assertTrue(rate.tryTake(t));
        assertFalse(rate.tryTake(t));
        assertFalse(rate.tryTake(t + 50_000_000L)); // half a token
        assertTrue(rate.tryTake(t + 100_000_000L)); // a tenth of a second: one token
        assertFalse(rate.tryTake(t + 100_000_000L));
        assertTrue(rate.tryTake(t + 10_000_000_000L));
    }

    @Test
    void closeReasonsFitACloseFrame() {
        assertEquals("short", CloseReasons.fit("short"));
        String cut = CloseReasons.fit("é".repeat(200));
        assertTrue(cut.getBytes(StandardCharsets.UTF_8).length <= CloseReasons.MAX_BYTES, cut);
        assertTrue(cut.endsWith("..."));
    }

    @Test
    void onlyPagesOfThisServerMayOpenTheSocket() {
        assertTrue(WebLobby.sameOrigin(Map.of()));
        assertTrue(WebLobby.sameOrigin(Map.of("Origin", List.of("http://h:15080"), "Host", List.of("h:15080"))));
        assertTrue(WebLobby.sameOrigin(Map.of("origin", List.of("https://h"), "host", List.of("h"))));
        assertFalse(WebLobby.sameOrigin(Map.of("Origin", List.of("http://evil:15080"), "Host", List.of("h:15080"))));
        assertFalse(WebLobby.sameOrigin(Map.of("Origin", List.of("http://h:1"), "Host", List.of("h:15080"))));
        assertFalse(WebLobby.sameOrigin(Map.of("Origin", List.of("http://h:15080"))));
        assertFalse(WebLobby.sameOrigin(Map.of("Origin", List.of("::not a uri"), "Host", List.of("h"))));
    }

    @Test
    void refusalsAreCountedByCodeAndTheMapStaysSmall() {
        Refusals refusals = new Refusals();
        refusals.count("101");
        refusals.count("101");
        refusals.count("evil\ncode");
        for (int i = 0; i < 500; i++) {
            refusals.count(Integer.toString(1000 + i));
        }
        assertEquals(2L, refusals.byCode().get("101"));
        assertTrue(refusals.byCode().size() <= 65, refusals.byCode().toString());
        assertTrue(refusals.byCode().get("other") >= 1);
    }
}
