package org.tavern.web.internal.lobby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/** A browser that stops reading: its queue passes the bound, it is closed and counted once. */
class WebConnectionTest {

    /** A session whose sends never complete (the browser reads nothing) and which records its closes. */
    private static final class StalledSession {
        final List<String> sent = new ArrayList<>();
        final List<CloseReason> closes = new ArrayList<>();

        Session session() {
            RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                        if (method.getName().equals("sendText")) {
                            sent.add((String) args[0]); // never completed: the bytes stay queued
                        }
                        return null;
                    });
            return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getAsyncRemote" -> remote;
                        case "isOpen" -> closes.isEmpty();
                        case "close" -> {
                            closes.add(args == null ? null : (CloseReason) args[0]);
                            yield null;
                        }
                        default -> null;
                    });
        }
    }

    @Test
    void aBrowserThatDoesNotReadIsClosedPastTheBoundAndCountedOnce() {
        StalledSession stalled = new StalledSession();
        LongAdder drops = new LongAdder();
        WebConnection connection = new WebConnection(stalled.session(), null, false, 1_000, new FrameTranslations(),
                document -> false, drops);
        connection.sendText("a".repeat(600));
        assertTrue(connection.isOpen());
        assertEquals(0, drops.sum());
        connection.sendText("b".repeat(600)); // 1 200 bytes queued: over the bound
        assertFalse(connection.isOpen());
        assertEquals(List.of("a".repeat(600)), stalled.sent, "the text over the bound is not sent");
        assertEquals(1, stalled.closes.size());
        assertEquals(CloseReason.CloseCodes.TRY_AGAIN_LATER, stalled.closes.get(0).getCloseCode());
        assertTrue(stalled.closes.get(0).getReasonPhrase().contains("not reading"));
        assertEquals(1, drops.sum());
        connection.sendText("c".repeat(600));
        connection.close("kicked");
        assertEquals(1, drops.sum(), "a closed browser is not counted again");
        assertEquals(1, stalled.closes.size());
    }
}
