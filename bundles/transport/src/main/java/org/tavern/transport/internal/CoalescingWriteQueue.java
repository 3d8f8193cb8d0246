package org.tavern.transport.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.future.DefaultWriteFuture;
import org.apache.mina.core.future.WriteFuture;
import org.apache.mina.core.session.AbstractIoSession;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.DefaultWriteRequest;
import org.apache.mina.core.write.WriteRequest;
import org.apache.mina.core.write.WriteRequestQueue;
import org.apache.mina.filter.ssl.SslFilter;

/**
 * A session's write queue that hands the I/O thread the frames queued to one connection as one
 * buffer, so that one socket write (one TCP segment on loopback) carries them all instead of one
 * write each. A login storm queues many small {@code [gamelist_diff]}s to every lobby member while
 * the I/O thread is busy; writing each alone made the kernel's per-write cost most of a login's
 * (see docs/performance.md). Under light load a connection has one frame queued at a time and this
 * queue changes nothing.
 *
 * <p>Only plain buffers that no filter wrapped are merged, on plain sessions: once TLS is on, the
 * SSL filter follows each of its records through {@code messageSent}, so its requests are handed out
 * one by one as MINA's own queue does. Merged requests keep their accounting: the bytes are counted
 * down as the merged buffer is written, the message count once per frame here, and each frame's
 * future completes with the merged write's. Offered from any thread, polled by the session's I/O
 * thread only (MINA's contract), so looking at the head before taking it is safe.
 */
final class CoalescingWriteQueue implements WriteRequestQueue {

    /** At most this many bytes per merged write (MINA writes at most ~96 KB per session per pass). */
    static final int MAX_MERGED_BYTES = 64 * 1024;

    private final Queue<WriteRequest> queue = new ConcurrentLinkedQueue<>();

    @Override
    public void offer(IoSession session, WriteRequest request) {
        queue.offer(request);
    }

    @Override
    public WriteRequest poll(IoSession session) {
        WriteRequest head = queue.poll();
        if (head == AbstractIoSession.CLOSE_REQUEST) {
            // closeOnFlush: everything before it was written; as MINA's default queue does
            session.closeNow();
            dispose(session);
            return null;
        }
        if (head == null || !mergeable(head)) {
            return head;
        }
        int total = ((IoBuffer) head.getMessage()).remaining();
        WriteRequest next = queue.peek();
        if (next == null || !mergeable(next) || total + remaining(next) > MAX_MERGED_BYTES || isTls(session)) {
            return head;
        }
        return merge(session, head, total);
    }

    /** Takes the head and the mergeable requests right after it into one request. */
    private WriteRequest merge(IoSession session, WriteRequest head, int headBytes) {
        int count = 1;
        int total = headBytes;
        WriteRequest[] merged = new WriteRequest[8];
        merged[0] = head;
        for (WriteRequest next = queue.peek(); next != null && mergeable(next)
                && total + remaining(next) <= MAX_MERGED_BYTES; next = queue.peek()) {
            queue.poll(); // the I/O thread is the only poller: the head is still the one peeked
            if (count == merged.length) {
                merged = java.util.Arrays.copyOf(merged, count * 2);
            }
            merged[count++] = next;
            total += remaining(next);
        }
        IoBuffer buffer = IoBuffer.allocate(total, false);
        WriteFuture[] futures = new WriteFuture[count];
        for (int i = 0; i < count; i++) {
            WriteRequest request = merged[i];
            buffer.put((IoBuffer) request.getMessage()); // leaves the frame's own view empty
            futures[i] = request.getFuture();
            if (i > 0) {
                // the merged request counts as one written message: the others are counted here
                ((AbstractIoSession) session).decreaseScheduledBytesAndMessages(request);
            }
        }
        buffer.flip();
        buffer.mark(); // the processor resets the written buffer to its mark for messageSent
        return new DefaultWriteRequest(buffer, new MergedWriteFuture(session, futures));
    }

    /** A buffer written as given: not a filter's wrapper, not one of MINA's markers, not empty. */
    private static boolean mergeable(WriteRequest request) {
        return request.getClass() == DefaultWriteRequest.class
                && request.getOriginalRequest() == request
                && request != AbstractIoSession.MESSAGE_SENT_REQUEST
                && request.getMessage() instanceof IoBuffer buffer
                && buffer.hasRemaining();
    }

    private static int remaining(WriteRequest request) {
        return ((IoBuffer) request.getMessage()).remaining();
    }

    private static boolean isTls(IoSession session) {
        return session.getFilterChain().contains(SslFilter.class);
    }

    @Override
    public boolean isEmpty(IoSession session) {
        return queue.isEmpty();
    }

    @Override
    public void clear(IoSession session) {
        queue.clear();
    }

    @Override
    public void dispose(IoSession session) {
        // nothing held beyond the queued requests
    }

    @Override
    public int size() {
        return queue.size();
    }

    @Override
    public String toString() {
        return queue.toString();
    }

    /** The merged write's future: its outcome is every merged frame's outcome. */
    private static final class MergedWriteFuture extends DefaultWriteFuture {

        private final WriteFuture[] parts;

        MergedWriteFuture(IoSession session, WriteFuture[] parts) {
            super(session);
            this.parts = parts;
        }

        @Override
        public void setWritten() {
            super.setWritten();
            for (WriteFuture part : parts) {
                part.setWritten();
            }
        }

        @Override
        public void setException(Throwable cause) {
            super.setException(cause);
            for (WriteFuture part : parts) {
                part.setException(cause);
            }
        }
    }
}
