package org.tavern.transport.internal;

import java.util.concurrent.Executor;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.transport.socket.nio.NioProcessor;
import org.apache.mina.transport.socket.nio.NioSession;

/**
 * One shard's I/O thread: MINA's NioProcessor without the read that only confirms a socket is
 * empty. MINA reads a readable socket until a read returns nothing, so every frame that arrives
 * alone costs two {@code read} system calls, the second one empty (strace of the paced relay: about
 * a third of the server's reads). A read that filled less than the buffer had room for has already
 * emptied the socket's receive queue, so the next read of the same pass is answered "nothing" here
 * without asking the kernel. Whatever arrives meanwhile is not lost: the selector is level-triggered
 * and reports the socket again on the next pass. Thread names are {@code ShardProcessor-N}.
 */
public final class ShardProcessor extends NioProcessor {

    private final ReadPass pass = new ReadPass();

    /** The constructor MINA's processor pool calls (one per shard). */
    public ShardProcessor(Executor executor) {
        super(executor);
    }

    @Override
    protected int read(NioSession session, IoBuffer buffer) throws Exception {
        if (pass.drained(buffer)) {
            return 0;
        }
        int room = buffer.remaining();
        int read = super.read(session, buffer);
        pass.readInto(buffer, room, read);
        return read;
    }

    /**
     * Whether the socket of the read pass under way was emptied. MINA allocates a new buffer for
     * each pass over a readable socket, so the buffer tells one pass from the next. Used by one I/O
     * thread only.
     */
    static final class ReadPass {

        private Object buffer;
        private boolean drained;

        /** True once: the pass reading into {@code candidate} has emptied its socket. */
        boolean drained(Object candidate) {
            if (candidate == buffer && drained) {
                buffer = null;
                drained = false;
                return true;
            }
            return false;
        }

        /** After a read of {@code read} bytes into {@code target}, which had {@code room} bytes free. */
        void readInto(Object target, int room, int read) {
            buffer = target;
            drained = read >= 0 && read < room;
        }
    }
}
