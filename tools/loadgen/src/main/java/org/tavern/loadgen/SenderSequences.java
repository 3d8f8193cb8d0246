package org.tavern.loadgen;

/**
 * One receiver's view of numbered messages from many senders: from each sender it must get 0, 1,
 * 2, ... exactly once and in that order. A number seen again is a duplicate; a number beyond the
 * next expected one is a reordering (or a loss, if the skipped ones never come); what never came is
 * counted by {@link #missing}. Used by one thread.
 */
final class SenderSequences {

    enum Outcome { IN_ORDER, DUPLICATE, REORDERED }

    private final long[] next;
    private final long[] received;

    SenderSequences(int senders) {
        next = new long[senders];
        received = new long[senders];
    }

    Outcome accept(int sender, long seq) {
        received[sender]++;
        if (seq == next[sender]) {
            next[sender]++;
            return Outcome.IN_ORDER;
        }
        if (seq < next[sender]) {
            return Outcome.DUPLICATE;
        }
        next[sender] = seq + 1;
        return Outcome.REORDERED;
    }

    /** Messages of {@code sender} that never arrived, given that it sent {@code sent} (numbered from 0). */
    long missing(int sender, long sent) {
        return Math.max(0, sent - received[sender]);
    }
}
