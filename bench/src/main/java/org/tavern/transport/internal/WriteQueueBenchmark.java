package org.tavern.transport.internal;

import java.util.concurrent.TimeUnit;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.future.DefaultWriteFuture;
import org.apache.mina.core.session.DefaultIoSessionDataStructureFactory;
import org.apache.mina.core.session.DummySession;
import org.apache.mina.core.write.DefaultWriteRequest;
import org.apache.mina.core.write.WriteRequest;
import org.apache.mina.core.write.WriteRequestQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;

/**
 * The Java side of a burst of {@code frames} small frames queued to one connection (a 150-byte
 * {@code [gamelist_diff]}, as many as a lobby member gets while the I/O thread is busy): queued and
 * taken back out, by {@link CoalescingWriteQueue} (one merged buffer) and by MINA's own queue (one
 * request per frame). What merging saves beyond this, one socket write and one TCP segment per
 * burst instead of one per frame, is the kernel's and shows only against real sockets (the load
 * generator, docs/performance.md). In the queue's package (it is package-private); nothing changed
 * for the benchmark.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WriteQueueBenchmark {

    @Param({"1", "8", "64"})
    public int frames;

    private final DummySession session = new DummySession();
    private EncodedFrame frame;
    private WriteRequestQueue minaQueue;
    private CoalescingWriteQueue coalescing;

    @Setup
    public void prepare() throws Exception {
        StringBuilder diff = new StringBuilder("[gamelist_diff]\n[insert_child]\nindex=\"412\"\n[user]\n");
        diff.append("available=\"yes\"\nforum_id=\"0\"\ngame_id=\"0\"\nlocation=\"\"\nmoderator=\"no\"\n")
                .append("name=\"player412\"\nregistered=\"no\"\nstatus=\"lobby\"\n[/user]\n[/insert_child]\n")
                .append("[/gamelist_diff]\n");
        frame = EncodedFrame.of(Document.parse(diff.toString()));
        minaQueue = new DefaultIoSessionDataStructureFactory().getWriteRequestQueue(session);
        coalescing = new CoalescingWriteQueue();
    }

    /** As MinaConnection.send and MINA's head filter queue a frame. */
    private WriteRequest request() {
        IoBuffer buffer = IoBuffer.wrap(frame.buffer());
        buffer.mark();
        session.increaseScheduledWriteBytes(buffer.remaining());
        session.increaseScheduledWriteMessages();
        return new DefaultWriteRequest(buffer, new DefaultWriteFuture(session));
    }

    /** As the I/O processor takes requests and writes their bytes (here: only counts them). */
    private int drain(WriteRequestQueue queue) {
        int bytes = 0;
        for (WriteRequest request; (request = queue.poll(session)) != null; ) {
            IoBuffer buffer = (IoBuffer) request.getMessage();
            int n = buffer.remaining();
            buffer.position(buffer.limit());
            session.increaseWrittenBytes(n, 0);
            session.increaseWrittenMessages(request, 0);
            bytes += n;
        }
        return bytes;
    }

    @Benchmark
    public int coalescingQueue() {
        for (int i = 0; i < frames; i++) {
            coalescing.offer(session, request());
        }
        return drain(coalescing);
    }

    @Benchmark
    public int minaQueue() {
        for (int i = 0; i < frames; i++) {
            minaQueue.offer(session, request());
        }
        return drain(minaQueue);
    }
}
