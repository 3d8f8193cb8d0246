package org.tavern.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WildcardsTest {

    @Test
    void masksMatchAsWesnothdDoes() {
        assertTrue(Wildcards.matches("10.0.*", "10.0.3.4"));
        assertTrue(Wildcards.matches("10.0.?.4", "10.0.3.4"));
        assertFalse(Wildcards.matches("10.0.?.4", "10.0.33.4"));
        assertTrue(Wildcards.matches("*", ""));
        assertTrue(Wildcards.matches("a*b*c", "aXXbYYc"));
        assertFalse(Wildcards.matches("a*b*c", "aXXbYY"));
        assertTrue(Wildcards.matches("1.2.3.4", "1.2.3.4"));
        assertFalse(Wildcards.matches("1.2.3.4", "1.2.3.45"));
    }

    @Test
    void likePatternsEscapeSqlWildcards() {
        assertEquals("al%", Wildcards.toLike("al*"));
        assertEquals("a_b", Wildcards.toLike("a?b"));
        assertEquals("100\\%\\_x\\\\", Wildcards.toLike("100%_x\\"));
    }
}
