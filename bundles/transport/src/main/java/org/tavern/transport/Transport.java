package org.tavern.transport;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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
     * How many clients were cut since start because they stopped reading, by the bound their output
     * queue passed (docs/admin-guide.md, the transport's keys).
     *
     * @since 1.3
     */
    SlowClientDrops slowClientDrops();

    /**
     * How long inbound frames were last held for want of a connection handler: from the old handler
     * going to the next one bound (told of every open connection and handed what was held). A live
     * upgrade's pause as the players feel it. Empty until a handler has gone and another come.
     *
     * @since 1.3
     */
    default Optional<Duration> lastHandlerGap() {
        return Optional.empty();
    }

    /**
     * Clients cut for not reading: their queue passed {@code max.queued.bytes}, was not emptied for
     * {@code max.queue.age.seconds}, or passed its share while the server was over its memory budget.
     * Each cut connection counts once.
     *
     * @since 1.3
     */
    record SlowClientDrops(long queuedBytes, long queueAge, long memoryBudget) {
    }

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
