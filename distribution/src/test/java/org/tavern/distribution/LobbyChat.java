package org.tavern.distribution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/** Lobby chat between two test clients, for tests of what plugins do to it. */
final class LobbyChat {

    private LobbyChat() {
    }

    /** {@code from} says {@code text} in the lobby; answers what {@code to} read (null if nothing reached him). */
    static String say(ProtocolClient from, ProtocolClient to, String text) throws Exception {
        from.send("[message]\nmessage=\"" + text + "\"\n[/message]\n");
        from.sync(); // handled by the lobby, so already sent to the reader if it was sent at all
        List<String> read = new ArrayList<>();
        for (Document document : to.sync()) {
            Node message = document.root().child("message");
            if (message != null && from.name.equals(message.attr("sender"))) {
                read.add(message.text("message"));
            }
        }
        return read.isEmpty() ? null : read.get(read.size() - 1);
    }

    /**
     * Says {@code text} again and again until the reader reads {@code expected}: a plugin or its
     * configuration applies a moment after the console shows it.
     */
    static void awaitDelivered(ProtocolClient from, ProtocolClient to, String text, String expected, Duration deadline)
            throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        String last;
        do {
            last = say(from, to, text);
            if (expected.equals(last)) {
                return;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < end);
        throw new AssertionError(to.name + " still read '" + last + "' instead of '" + expected + "'");
    }
}
