package org.tavern.transport;

import java.util.Collection;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The running transport, as a service: its connections and its shards' statistics. */
@ProviderType
public interface Transport {

    /** The open connections (past the handshake), in no particular order. */
    Collection<Connection> connections();

    /** The connection with this id, or null. */
    Connection connection(long id);

    /**
     * Closes the listening socket for good (a graceful shutdown): open connections stay and go on as
     * before, new ones are refused by the operating system. Later configuration changes do not re-open it.
     */
    void stopAccepting();

    /** The port the acceptor is bound to (useful when configured as 0). */
    int port();

    /** One entry per shard. */
    List<ShardStatistics> shards();

    /**
     * The memory budget for bytes in flight and what is in flight now.
     *
     * @since 1.2
     */
    BudgetStatistics budget();

    /**
     * The bytes in flight (frames being received, documents being inflated, output queued) and the
     * bounds they are held to.
     */
    record BudgetStatistics(long budgetBytes, long perAddressBytes, long perConnectionBytes,
            long maxQueuedBytesPerConnection, long receivingBytes, long inflatingBytes, long queuedBytes) {
    }

    /** Counters of one shard (I/O thread). */
    record ShardStatistics(int shard, int connections, long framesRead, long framesWritten, long bytesRead,
            long bytesWritten, long queuedBytes) {
    }
}
