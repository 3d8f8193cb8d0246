package org.tavern.loadgen;

import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What one recipient must receive, in order: the sender adds each document it expects the server
 * to deliver <em>before</em> sending it; the recipient's thread takes them off as they arrive. A
 * document that is not at the head but further back came out of order; one not expected at all is
 * a duplicate; what is left at the end was lost.
 */
final class ExpectedDeliveries {

    /** One expected document: {@code id} identifies it, {@code sentNanos} dates its sending. */
    record Expected(long id, long sentNanos) {
    }

    enum Outcome { IN_ORDER, REORDERED, UNEXPECTED }

    /** The outcome of one arrival, and what it matched (null when unexpected). */
    record Arrival(Outcome outcome, Expected matched) {
    }

    private final ConcurrentLinkedQueue<Expected> pending = new ConcurrentLinkedQueue<>();

    void expect(long id, long sentNanos) {
        pending.add(new Expected(id, sentNanos));
    }

    Arrival arrived(long id) {
        Expected head = pending.peek();
        if (head != null && head.id() == id) {
            pending.poll();
            return new Arrival(Outcome.IN_ORDER, head);
        }
        for (Iterator<Expected> it = pending.iterator(); it.hasNext(); ) {
            Expected e = it.next();
            if (e.id() == id) {
                it.remove();
                return new Arrival(Outcome.REORDERED, e);
            }
        }
        return new Arrival(Outcome.UNEXPECTED, null);
    }

    /** Still expected: lost, once the run's deadline for deliveries has passed. */
    int outstanding() {
        return pending.size();
    }
}
