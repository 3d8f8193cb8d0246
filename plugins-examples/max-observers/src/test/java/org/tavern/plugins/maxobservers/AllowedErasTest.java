package org.tavern.plugins.maxobservers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tavern.api.Decision;
import org.tavern.api.GameProposal;

class AllowedErasTest {

    static AllowedErasConfig config(Map<String, Object> values) {
        return (AllowedErasConfig) Proxy.newProxyInstance(AllowedErasConfig.class.getClassLoader(),
                new Class<?>[] {AllowedErasConfig.class}, (proxy, method, args) -> values.containsKey(method.getName())
                        ? values.get(method.getName()) : method.getDefaultValue());
    }

    private static GameProposal inEra(String era) {
        return new GameProposal("host", "duel", false, era, "2p_Caves", List.of());
    }

    @Test
    void gamesInOtherErasAreRefusedWithTheList() {
        AllowedEras rule = new AllowedEras(config(Map.of("eras", new String[] {"era_default,era_heroes"})));
        assertTrue(rule.allowCreate(inEra("era_heroes")).allowed());
        assertEquals(Decision.refuse("This server allows only these eras: era_default, era_heroes."),
                rule.allowCreate(inEra("era_khalifate")));
    }

    @Test
    void withoutAListEveryEraIsAllowed() {
        AllowedEras rule = new AllowedEras(config(Map.of()));
        assertTrue(rule.allowCreate(inEra("era_khalifate")).allowed());
        assertTrue(rule.allowCreate(inEra("")).allowed(), "a level naming no era");
    }

    @Test
    void aNewListAppliesAtOnce() {
        AllowedEras rule = new AllowedEras(config(Map.of("eras", new String[] {"era_default"})));
        rule.configure(config(Map.of("eras", new String[] {"era_heroes", " era_default "}, "refusal", "Only {0}.")));
        assertTrue(rule.allowCreate(inEra("era_default")).allowed());
        assertEquals("Only era_heroes, era_default.", rule.allowCreate(inEra("era_khalifate")).reason());
    }
}
