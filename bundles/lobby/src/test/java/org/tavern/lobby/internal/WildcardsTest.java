package org.tavern.lobby.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The lobby's wildcard matcher, as it was tested in LobbyTest before the lobby got its packages. */
class WildcardsTest {

    @Test
    void wildcards() {
        assertTrue(Wildcards.matches("1.16.*", "1.16.9"));
        assertTrue(Wildcards.matches("ai?", "ai2"));
        assertTrue(!Wildcards.matches("ai?", "ai"));
        assertTrue(Wildcards.matchesIgnoreCase("*admin*", "BigADMINx"));
        assertTrue(!Wildcards.matches("1.16.*", "1.14.9"));
        assertTrue(Wildcards.matches("*a*b*c*", "xxaxxbxxcxx"));
    }
}
