package org.tavern.transport.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShardProcessorTest {

    private final ShardProcessor.ReadPass pass = new ShardProcessor.ReadPass();
    private final Object buffer = new Object();

    @Test
    void aShortReadAnswersTheNextReadOfTheSamePassWithoutTheKernel() {
        assertFalse(pass.drained(buffer), "the first read of a pass asks the kernel");
        pass.readInto(buffer, 2048, 300);
        assertTrue(pass.drained(buffer), "300 of 2048 bytes: the socket is empty");
        assertFalse(pass.drained(buffer), "only once: a later pass on a reused buffer asks again");
    }

    @Test
    void aFullBufferMayLeaveMoreInTheSocket() {
        pass.readInto(buffer, 2048, 2048);
        assertFalse(pass.drained(buffer));
    }

    @Test
    void aNewPassAsksTheKernelEvenAfterAShortRead() {
        pass.readInto(buffer, 2048, 10);
        assertFalse(pass.drained(new Object()), "another buffer is another pass");
    }

    @Test
    void anEmptyReadOrTheEndOfTheStreamChangesNothing() {
        pass.readInto(buffer, 2048, 0);
        assertTrue(pass.drained(buffer), "0 bytes read is short too: MINA stops there anyway");
        pass.readInto(buffer, 2048, -1);
        assertFalse(pass.drained(buffer), "the end of the stream goes back to MINA as it is");
    }
}
