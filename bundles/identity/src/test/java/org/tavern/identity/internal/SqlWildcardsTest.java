package org.tavern.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SqlWildcardsTest {

    @Test
    void likePatternsEscapeSqlWildcards() {
        assertEquals("al%", SqlWildcards.toLike("al*"));
        assertEquals("a_b", SqlWildcards.toLike("a?b"));
        assertEquals("a_%", SqlWildcards.toLike("a+"));
        assertEquals("100\\%\\_x\\\\", SqlWildcards.toLike("100%_x\\"));
    }

    @Test
    void h2GetsARegularExpressionOnlyForAQuestionMarkOrSeveralStars() {
        assertEquals(new SqlWildcards.Condition("name LIKE ? ESCAPE '\\'", "a%"),
                SqlWildcards.matching(Database.Dialect.H2, "name", "a*"));
        assertEquals("REGEXP_LIKE(name, ?)", SqlWildcards.matching(Database.Dialect.H2, "name", "a?").sql());
        assertEquals("REGEXP_LIKE(name, ?)", SqlWildcards.matching(Database.Dialect.H2, "name", "*a*").sql());
        assertEquals(new SqlWildcards.Condition("name LIKE ? ESCAPE '\\'", "a_"),
                SqlWildcards.matching(Database.Dialect.POSTGRESQL, "name", "a?"));
    }

    @Test
    void regularExpressionsQuoteEverythingButTheWildcards() {
        Pattern regex = Pattern.compile(SqlWildcards.toRegex("a.\\E(*)?[x]"));
        assertTrue(regex.matcher("a.\\E(anything)![x]").find());
        assertFalse(regex.matcher("aX\\E(anything)![x]").find(), "the dot is a literal");
        assertFalse(regex.matcher("a.\\E(anything)![x]\n").find(), "anchored at the very end");
    }
}
