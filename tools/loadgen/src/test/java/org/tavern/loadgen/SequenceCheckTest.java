package org.tavern.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SequenceCheckTest {

    @Test
    void senderSequencesTellDuplicatesGapsAndLosses() {
        SenderSequences heard = new SenderSequences(2);
        assertEquals(SenderSequences.Outcome.IN_ORDER, heard.accept(0, 0));
        assertEquals(SenderSequences.Outcome.IN_ORDER, heard.accept(0, 1));
        assertEquals(SenderSequences.Outcome.DUPLICATE, heard.accept(0, 1));
        assertEquals(SenderSequences.Outcome.REORDERED, heard.accept(0, 3));
        assertEquals(SenderSequences.Outcome.IN_ORDER, heard.accept(1, 0));
        // sender 0 sent 0..4: got 0, 1, 1 (again), 3 — four arrivals for five lines
        assertEquals(1, heard.missing(0, 5));
        assertEquals(2, heard.missing(1, 3));
    }

    @Test
    void expectedDeliveriesInOrderOutOfOrderAndUnexpected() {
        ExpectedDeliveries expected = new ExpectedDeliveries();
        expected.expect(10, 100);
        expected.expect(-1, 200);
        expected.expect(11, 300);
        ExpectedDeliveries.Arrival first = expected.arrived(10);
        assertEquals(ExpectedDeliveries.Outcome.IN_ORDER, first.outcome());
        assertEquals(100, first.matched().sentNanos());
        ExpectedDeliveries.Arrival early = expected.arrived(11);
        assertEquals(ExpectedDeliveries.Outcome.REORDERED, early.outcome());
        assertEquals(300, early.matched().sentNanos());
        ExpectedDeliveries.Arrival again = expected.arrived(10);
        assertEquals(ExpectedDeliveries.Outcome.UNEXPECTED, again.outcome());
        assertNull(again.matched());
        assertEquals(1, expected.outstanding()); // the seed never came: lost
    }
}
