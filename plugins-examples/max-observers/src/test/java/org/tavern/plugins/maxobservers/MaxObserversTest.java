package org.tavern.plugins.maxobservers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tavern.api.Decision;
import org.tavern.api.GameInfo;

class MaxObserversTest {

    static MaxObserversConfig config(Map<String, Object> values) {
        return (MaxObserversConfig) Proxy.newProxyInstance(MaxObserversConfig.class.getClassLoader(),
                new Class<?>[] {MaxObserversConfig.class}, (proxy, method, args) -> values.containsKey(method.getName())
                        ? values.get(method.getName()) : method.getDefaultValue());
    }

    private static GameInfo watchedBy(String... observers) {
        return new GameInfo(1, "duel", "host", false, 0, List.of("host"), List.of(observers), "", Instant.EPOCH);
    }

    @Test
    void observersAreRefusedOnceTheGameHasAsManyAsAllowed() {
        MaxObservers rule = new MaxObservers(config(Map.of("max_observers", 2)));
        assertEquals(Decision.allow(), rule.allowJoin("c", watchedBy("a"), true));
        Decision refused = rule.allowJoin("c", watchedBy("a", "b"), true);
        assertEquals("This game already has 2 observers, as many as this server allows.", refused.reason());
    }

    @Test
    void playersTakingASideAreNeverRefused() {
        MaxObservers rule = new MaxObservers(config(Map.of("max_observers", 0)));
        assertTrue(rule.allowJoin("c", watchedBy("a"), false).allowed());
        assertTrue(!rule.allowJoin("c", watchedBy(), true).allowed(), "0: nobody may observe");
    }

    @Test
    void aNewLimitAppliesAtOnce() {
        MaxObservers rule = new MaxObservers(config(Map.of("max_observers", 1)));
        rule.configure(config(Map.of("max_observers", 3, "refusal", "Full ({0}).")));
        assertTrue(rule.allowJoin("c", watchedBy("a", "b"), true).allowed());
        assertEquals("Full (3).", rule.allowJoin("c", watchedBy("a", "b", "d"), true).reason());
    }
}
