package org.tavern.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tavern.api.AdminCommand;

class CommandLinesTest {

    private static final Map<String, Integer> SECRETS = Map.of("register", 2, "passwd", 1);

    private static String redact(String line) {
        return CommandLines.redact(line, name -> SECRETS.getOrDefault(name, AdminCommand.NO_SECRETS));
    }

    @Test
    void theSecretArgumentsOfASecretCommandAreRedacted() {
        assertEquals("tavern:register alice - ****", redact("tavern:register alice - s3cret"));
        assertEquals("register alice - ****", redact("register  alice -   s3cret"));
        assertEquals("tavern:passwd alice ****", redact("tavern:passwd alice s3cret"));
        assertEquals("TAVERN:PASSWD alice ****", redact("TAVERN:PASSWD alice s3cret"));
        assertEquals("tavern:passwd alice ****", redact("tavern:passwd alice \"two words\""));
        assertEquals("tavern:passwd alice **** ****", redact("tavern:passwd alice s3cret extra"));
    }

    @Test
    void linesWithoutSecretsStayAsTheyAre() {
        assertEquals("tavern:passwd alice", redact("tavern:passwd alice"));
        assertEquals("tavern:register  alice -", redact("tavern:register  alice -"));
        assertEquals("tavern:kick  alice flooding", redact("tavern:kick  alice flooding"));
        assertEquals("", redact(""));
    }

    @Test
    void everyCommandOfALineIsJudged() {
        assertEquals("tavern:version ; tavern:passwd bob **** | grep set",
                redact("tavern:version; tavern:passwd bob pw|grep set"));
        assertEquals("x = (tavern:passwd bob ****", redact("x = (tavern:passwd bob pw)"));
        assertEquals("each [1] { tavern:passwd bob **** }", redact("each [1] {tavern:passwd bob pw}"));
        // a password that is itself the name of a secret command is still a password
        assertEquals("tavern:passwd bob ****", redact("tavern:passwd bob passwd"));
        assertEquals("echo a ; passwd bob ****", redact("echo a\npasswd bob 'x y'").replace("\n", ";"));
    }

    @Test
    void quotesAndEscapesKeepAWordTogether() {
        assertEquals("passwd bob ****", redact("passwd bob 'it''s'"));
        assertEquals("passwd bob ****", redact("passwd bob \"a\\\" b\""));
        assertEquals("passwd bob ****", redact("passwd bob a\\ b"));
    }
}
