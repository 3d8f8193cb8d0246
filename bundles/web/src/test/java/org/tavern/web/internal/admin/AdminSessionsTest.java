package org.tavern.web.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminSessionsTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AdminSessions sessions = new AdminSessions(now::get);

    @Test
    void aSessionEndsWhenIdleAndAtItsMaximumAge() {
        AdminSessions.Session session = sessions.open("mod");
        assertNotEquals(session.id(), session.csrf());
        now.addAndGet(AdminSessions.IDLE_MILLIS - 1);
        assertNotNull(sessions.find(session.id()));
        now.addAndGet(AdminSessions.IDLE_MILLIS + 1);
        assertNull(sessions.find(session.id()), "idle too long");

        AdminSessions.Session busy = sessions.open("mod");
        for (long t = 0; t < AdminSessions.MAX_AGE_MILLIS; t += AdminSessions.IDLE_MILLIS / 2) {
            now.addAndGet(AdminSessions.IDLE_MILLIS / 2);
            sessions.find(busy.id());
        }
        now.addAndGet(AdminSessions.IDLE_MILLIS / 2);
        assertNull(sessions.find(busy.id()), "older than the maximum age");
        assertNull(sessions.find(null));
        assertNull(sessions.find("made-up"));
    }

    @Test
    void theOldestSessionGivesWayAndSignOutEndsOne() {
        AdminSessions.Session first = sessions.open("a");
        for (int i = 0; i < AdminSessions.MAX_SESSIONS; i++) {
            sessions.open("b" + i);
        }
        assertEquals(AdminSessions.MAX_SESSIONS, sessions.size());
        assertNull(sessions.find(first.id()));
        AdminSessions.Session last = sessions.open("c");
        sessions.close(last.id());
        assertNull(sessions.find(last.id()));
    }

    @Test
    void failedSignInsMakeAnAddressWait() {
        for (int i = 0; i < AdminSessions.MAX_FAILURES; i++) {
            assertTrue(sessions.mayTry("10.0.0.1"));
            sessions.failed("10.0.0.1");
        }
        assertFalse(sessions.mayTry("10.0.0.1"));
        assertTrue(sessions.mayTry("10.0.0.2"));
        now.addAndGet(AdminSessions.FAILURE_WINDOW_MILLIS + 1);
        assertTrue(sessions.mayTry("10.0.0.1"));
    }

    @Test
    void theTokenFileIsMadeOnceAndComparedWhole(@TempDir Path data) throws Exception {
        AdminToken token = AdminToken.in(data);
        String written = Files.readString(data.resolve(AdminToken.FILE)).trim();
        assertEquals(64, written.length());
        assertTrue(token.matches(written));
        assertTrue(token.matches(" " + written + "\n"));
        assertFalse(token.matches(written.substring(1)));
        assertFalse(token.matches(""));
        assertFalse(token.matches(null));
        assertTrue(AdminToken.in(data).matches(written), "read again, not replaced");
        Files.writeString(data.resolve(AdminToken.FILE), "short\n");
        assertFalse(AdminToken.in(data).matches("short"), "a guessable token opens nothing");
    }

    @Test
    void versionLinesGroupReleases() {
        assertEquals("1.16", DashboardState.versionLine("1.16.9"));
        assertEquals("1.16", DashboardState.versionLine("1.16.0"));
        assertEquals("test", DashboardState.versionLine("test"));
        assertEquals("?", DashboardState.versionLine(""));
    }
}
