package org.tavern.lobby.internal.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionLineTest {

    @Test
    void theLineIsTheFirstTwoNumbers() {
        assertEquals(VersionLine.V1_16, VersionLine.of("1.16.9"));
        assertEquals(VersionLine.V1_16, VersionLine.of("1.16"));
        assertEquals(VersionLine.V1_18, VersionLine.of("1.18.5"));
        assertEquals(VersionLine.V1_18, VersionLine.of("1.18.5+dev"));
        assertEquals("1.19", VersionLine.of("1.19.0").name());
        assertEquals("1.18", VersionLine.of("01.018.1").name(), "numbers, not text");
    }

    @Test
    void aVersionWithoutTwoNumbersBelongsToTheNewestLine() {
        assertEquals(VersionLine.NEWEST, VersionLine.of("test"));
        assertEquals(VersionLine.NEWEST, VersionLine.of(""));
        assertEquals(VersionLine.NEWEST, VersionLine.of("1.x"));
        assertEquals(VersionLine.NEWEST, VersionLine.of("v".repeat(10_000)));
        assertEquals(VersionLine.NEWEST, VersionLine.of("9999999.1"), "too long to be a number");
    }

    @Test
    void thePrimaryLineIsThatOfTheFirstPatternNamingOne() {
        assertEquals(VersionLine.V1_16, VersionLine.primary(java.util.List.of("1.16.*", "1.18.*", "test")));
        assertEquals(VersionLine.V1_18, VersionLine.primary(java.util.List.of("test", "1.18.*")));
        assertEquals(VersionLine.NEWEST, VersionLine.primary(java.util.List.of("*")));
        assertEquals(VersionLine.V1_16, VersionLine.of("test", VersionLine.V1_16));
    }

    @Test
    void behaviourFollowsTheLine() {
        assertFalse(VersionLine.of("1.16.9").since118());
        assertFalse(VersionLine.of("1.14.7").since118());
        assertTrue(VersionLine.of("1.18.0").since118());
        assertTrue(VersionLine.of("1.19.2").since118());
        assertTrue(VersionLine.of("test").since118(), "test is in the newest line");
        assertEquals("1.16.9", VersionLine.V1_16.serverVersion());
        assertEquals("1.18.5", VersionLine.V1_18.serverVersion());
    }

    @Test
    void linesSortInReleaseOrder() {
        assertTrue(VersionLine.V1_16.compareTo(VersionLine.V1_18) < 0);
        assertTrue(VersionLine.of("1.9.1").compareTo(VersionLine.V1_16) < 0, "9 < 16 as numbers");
        assertTrue(VersionLine.of("2.0.0").compareTo(VersionLine.V1_18) > 0);
    }
}
