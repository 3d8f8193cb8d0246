package org.tavern.transport.internal;

import org.apache.mina.core.service.SimpleIoProcessorPool;
import org.apache.mina.transport.socket.nio.NioSession;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;

/**
 * MINA's acceptor with our shards' I/O threads ({@link ShardProcessor}). MINA takes a processor class
 * only through a pool made by the caller, and disposes only the pools it made itself: this one
 * disposes its pool with itself.
 */
final class ShardedAcceptor extends NioSocketAcceptor {

    private final SimpleIoProcessorPool<NioSession> shards;

    ShardedAcceptor(int shardCount) {
        this(new SimpleIoProcessorPool<>(ShardProcessor.class, shardCount));
    }

    private ShardedAcceptor(SimpleIoProcessorPool<NioSession> shards) {
        super(shards);
        this.shards = shards;
    }

    @Override
    protected void dispose0() throws Exception {
        try {
            super.dispose0();
        } finally {
            shards.dispose(); // closes the sessions left and ends the shards' threads
        }
    }
}
