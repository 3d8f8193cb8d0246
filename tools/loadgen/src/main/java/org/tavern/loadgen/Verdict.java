package org.tavern.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What went wrong in a run, counted from every thread: documents lost, duplicated or reordered,
 * and protocol errors (a refused login, a closed connection, a frame that does not parse). The
 * first few messages are kept to say why a run failed.
 */
final class Verdict {

    private static final int KEPT_MESSAGES = 10;

    final AtomicLong lost = new AtomicLong();
    final AtomicLong duplicated = new AtomicLong();
    final AtomicLong reordered = new AtomicLong();
    final AtomicLong protocolErrors = new AtomicLong();
    private final List<String> messages = new ArrayList<>();

    void lost(long n, String what) {
        if (n > 0) {
            lost.addAndGet(n);
            note("lost " + n + ": " + what);
        }
    }

    void duplicated(String what) {
        duplicated.incrementAndGet();
        note("duplicated: " + what);
    }

    void reordered(String what) {
        reordered.incrementAndGet();
        note("reordered: " + what);
    }

    void protocolError(String what) {
        protocolErrors.incrementAndGet();
        note("protocol error: " + what);
    }

    boolean failed() {
        return lost.get() + duplicated.get() + reordered.get() + protocolErrors.get() > 0;
    }

    /** The result line's fields for the checks. */
    String fields() {
        return "lost=" + lost.get() + " dup=" + duplicated.get() + " reordered=" + reordered.get()
                + " protocol_errors=" + protocolErrors.get();
    }

    synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    private synchronized void note(String message) {
        if (messages.size() < KEPT_MESSAGES) {
            messages.add(message);
        }
    }
}
