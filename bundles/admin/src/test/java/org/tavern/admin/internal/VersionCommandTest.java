package org.tavern.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionCommandTest {

    @Test
    void printsTavernAndProtocolVersion() {
        assertEquals("Tavern 1.2.3 (wesnothd 1.16.9 protocol)", new VersionCommand("1.2.3").version());
    }

    @Test
    void anyArgumentPrintsUsage() {
        assertTrue(new VersionCommand("1.2.3").version("-h").startsWith("usage: tavern:version"));
    }
}
