package org.tavern.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WildcardsTest {

    @Test
    void masksMatchAsWesnothdDoes() {
        assertTrue(Wildcards.matches("10.0.*", "10.0.3.4"));
        assertTrue(Wildcards.matches("10.0.?.4", "10.0.3.4"));
        assertFalse(Wildcards.matches("10.0.?.4", "10.0.33.4"));
        assertTrue(Wildcards.matches("*", ""));
        assertFalse(Wildcards.matches("?", ""));
        assertFalse(Wildcards.matches("", "a"));
        assertTrue(Wildcards.matches("a*b*c", "aXXbYYc"));
        assertFalse(Wildcards.matches("a*b*c", "aXXbYY"));
        assertTrue(Wildcards.matches("*a*b*c*", "xxaxxbxxcxx"));
        assertTrue(Wildcards.matches("1.2.3.4", "1.2.3.4"));
        assertFalse(Wildcards.matches("1.2.3.4", "1.2.3.45"));
        assertTrue(Wildcards.matches("1.16.*", "1.16.9"));
        assertFalse(Wildcards.matches("1.16.*", "1.14.9"));
        assertTrue(Wildcards.matches("ai?", "ai2"));
        assertFalse(Wildcards.matches("ai?", "ai"));
        assertFalse(Wildcards.matches("Ai", "ai"), "case-sensitive");
    }

    @Test
    void aPlusIsAtLeastOneCharacter() {
        assertTrue(Wildcards.matches("1.16.+", "1.16.9"));
        assertTrue(Wildcards.matches("1.16.+", "1.16.10"));
        assertFalse(Wildcards.matches("1.16.+", "1.16."));
        assertTrue(Wildcards.matches("+a", "xa"));
        assertFalse(Wildcards.matches("++a", "xa"), "wesnothd lets this match; every + counts here");
        assertFalse(Wildcards.matches("+", ""));
    }

    @Test
    void aQuestionMarkNeverMatchesTheEndOfTheText() {
        assertFalse(Wildcards.matches("1.16.?", "1.16."), "wesnothd 1.16 reads its string terminator here");
    }

    @Test
    void aStarInTheTextIsJustACharacterForTheStarOfTheMask() {
        // Both former copies let a mask's '*' be used up by a '*' in the text and then failed here.
        assertTrue(Wildcards.matches("*", "*a"));
        assertTrue(Wildcards.matches("a*", "a*b"));
        assertTrue(Wildcards.matches("*?", "*x"));
    }

    @Test
    void aQuestionMarkIsOneCharacterAlsoOutsideTheBasicMultilingualPlane() {
        assertTrue(Wildcards.matches("?", "\uD83D\uDE00"));
        assertFalse(Wildcards.matches("??", "\uD83D\uDE00"));
        assertTrue(Wildcards.matches("a?c", "aéc"));
    }

    @Test
    void ignoringCaseLowerCasesBothSides() {
        assertTrue(Wildcards.matchesIgnoreCase("*admin*", "BigADMINx"));
        assertTrue(Wildcards.matchesIgnoreCase("*ADMIN*", "bigadminx"));
        assertFalse(Wildcards.matchesIgnoreCase("*admin*", "BigADMlNx"));
    }

    @Test
    void commaListsAreTrimmedAndSkipEmptyEntries() {
        assertEquals(List.of("1.16.*", "ai?", "x y"), Wildcards.list(" 1.16.* ,, ai?,x y ,"));
        assertTrue(Wildcards.anyMatches(Wildcards.list("*admin*,ai?"), "ai3"));
        assertFalse(Wildcards.anyMatches(Wildcards.list(""), "anything"));
    }

    @Test
    void manyStarsOnALongTextStayQuick() {
        String mask = "*a".repeat(100) + "*b";
        String text = "a".repeat(10_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertFalse(Wildcards.matches(mask, text)));
    }
}
