package org.tavern.transport.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.future.DefaultWriteFuture;
import org.apache.mina.core.future.WriteFuture;
import org.apache.mina.core.session.AbstractIoSession;
import org.apache.mina.core.session.DummySession;
import org.apache.mina.core.write.DefaultWriteRequest;
import org.apache.mina.core.write.WriteRequest;
import org.apache.mina.filter.ssl.EncryptedWriteRequest;
import org.junit.jupiter.api.Test;

/** The write queue's merging, driven as MINA's head filter and I/O processor drive it. */
class CoalescingWriteQueueTest {

    private final DummySession session = new DummySession();
    private final CoalescingWriteQueue queue = new CoalescingWriteQueue();
    private final List<WriteFuture> futures = new ArrayList<>();

    /** What the head filter does with a written buffer: mark it, count it, queue it. */
    private WriteRequest offer(byte[] bytes) {
        IoBuffer buffer = IoBuffer.wrap(bytes);
        buffer.mark();
        DefaultWriteFuture future = new DefaultWriteFuture(session);
        futures.add(future);
        WriteRequest request = new DefaultWriteRequest(buffer, future);
        session.increaseScheduledWriteBytes(bytes.length);
        session.increaseScheduledWriteMessages();
        queue.offer(session, request);
        return request;
    }

    /** What the processor does once a request's buffer is on the socket. */
    private byte[] write(WriteRequest request) {
        IoBuffer buffer = (IoBuffer) request.getMessage();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        session.increaseWrittenBytes(bytes.length, System.currentTimeMillis());
        buffer.reset(); // as the processor does before messageSent: fails without a mark
        buffer.position(buffer.limit());
        session.increaseWrittenMessages(request, System.currentTimeMillis());
        request.getFuture().setWritten();
        return bytes;
    }

    private static byte[] bytes(int n, int fill) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) fill);
        return b;
    }

    @Test
    void framesQueuedTogetherLeaveAsOneWriteInOrderWithTheirAccounting() {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 20; i++) {
            byte[] frame = bytes(100 + i, i);
            expected.writeBytes(frame);
            offer(frame);
        }
        WriteRequest merged = queue.poll(session);
        assertTrue(queue.isEmpty(session), "all twenty in one request");
        assertArrayEquals(expected.toByteArray(), write(merged));
        assertNull(queue.poll(session));
        assertEquals(0, session.getScheduledWriteBytes());
        assertEquals(0, session.getScheduledWriteMessages(), "each frame counted down once");
        for (WriteFuture future : futures) {
            assertTrue(future.isWritten(), "every frame's future completes with the merged write");
        }
    }

    @Test
    void aLoneFrameIsHandedOutAsItIs() {
        WriteRequest only = offer(bytes(50, 1));
        assertSame(only, queue.poll(session));
    }

    @Test
    void mergedWritesStayWithinTheirBoundAndBigFramesGoAlone() {
        int third = CoalescingWriteQueue.MAX_MERGED_BYTES / 3;
        offer(bytes(third, 1));
        offer(bytes(third, 2));
        offer(bytes(third, 3));
        offer(bytes(third, 4));
        WriteRequest big = offer(bytes(CoalescingWriteQueue.MAX_MERGED_BYTES * 2, 5));
        assertEquals(3 * third, write(queue.poll(session)).length);
        assertEquals(third, write(queue.poll(session)).length, "the next one would pass the bound");
        assertSame(big, queue.poll(session));
    }

    @Test
    void closeOnFlushEndsMergingAndClosesWhenReached() {
        offer(bytes(10, 1));
        offer(bytes(10, 2));
        queue.offer(session, AbstractIoSession.CLOSE_REQUEST);
        offer(bytes(10, 3));
        assertEquals(20, write(queue.poll(session)).length, "the frames before the close, merged");
        assertFalse(session.isClosing());
        assertNull(queue.poll(session));
        assertTrue(session.isClosing(), "reaching the close request closes the session");
    }

    @Test
    void requestsAFilterWrappedAreNeverMerged() {
        WriteRequest plain = offer(bytes(10, 1));
        IoBuffer record = IoBuffer.wrap(bytes(10, 2));
        WriteRequest wrapped = new EncryptedWriteRequest(record, plain);
        queue.offer(session, wrapped);
        offer(bytes(10, 3));
        assertSame(plain, queue.poll(session));
        assertSame(wrapped, queue.poll(session));
    }
}
