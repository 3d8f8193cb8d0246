package org.tavern.transport.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tavern.transport.Connection;
import org.tavern.transport.Transport;

/** Gogo commands {@code tavern:connections} and {@code tavern:shards}. */
@Component(
        service = TransportCommands.class,
        property = {
            "osgi.command.scope=tavern",
            "osgi.command.function=connections",
            "osgi.command.function=shards"
        })
public class TransportCommands {

    private final Transport transport;

    @Activate
    public TransportCommands(@Reference Transport transport) {
        this.transport = transport;
    }

    public String connections(String... args) {
        if (args.length > 0) {
            return "usage: tavern:connections\n  the memory budget for bytes in flight, then the open player "
                    + "connections: id, address, shard, TLS, frames and bytes in/out, bytes queued for writing";
        }
        Transport.BudgetStatistics budget = transport.budget();
        String budgetLine = String.format(Locale.ROOT, "Memory budget: %s of %s in flight (receiving %s, inflating %s, "
                + "queued %s); shares: %s per address, %s per connection, %s queued per connection%n",
                mb(budget.receivingBytes() + budget.inflatingBytes() + budget.queuedBytes()), mb(budget.budgetBytes()),
                mb(budget.receivingBytes()), mb(budget.inflatingBytes()), mb(budget.queuedBytes()),
                mb(budget.perAddressBytes()), mb(budget.perConnectionBytes()), mb(budget.maxQueuedBytesPerConnection()));
        List<Connection> open = new ArrayList<>(transport.connections());
        if (open.isEmpty()) {
            return budgetLine + "No connections (listening on port " + transport.port() + ").";
        }
        open.sort(Comparator.comparingLong(Connection::id));
        StringBuilder out = new StringBuilder(budgetLine).append(String.format(Locale.ROOT, "%8s  %-40s %5s %3s %9s %9s %12s %12s %10s%n",
                "ID", "ADDRESS", "SHARD", "TLS", "FRAMES_IN", "FRAMES_OUT", "BYTES_IN", "BYTES_OUT", "QUEUED"));
        for (Connection c : open) {
            out.append(String.format(Locale.ROOT, "%8d  %-40s %5d %3s %9d %9d %12d %12d %10d%n", c.id(),
                    c.remoteAddress(), c.shard(), c.isTls() ? "yes" : "no", c.framesRead(), c.framesWritten(),
                    c.bytesRead(), c.bytesWritten(), c.queuedBytes()));
        }
        out.append(open.size()).append(" connections");
        return out.toString();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    public String shards(String... args) {
        if (args.length > 0) {
            return "usage: tavern:shards\n  per I/O shard: connections, frames and bytes in/out, bytes queued";
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%5s %11s %10s %10s %12s %12s %10s%n",
                "SHARD", "CONNECTIONS", "FRAMES_IN", "FRAMES_OUT", "BYTES_IN", "BYTES_OUT", "QUEUED"));
        for (Transport.ShardStatistics s : transport.shards()) {
            out.append(String.format(Locale.ROOT, "%5d %11d %10d %10d %12d %12d %10d%n", s.shard(), s.connections(),
                    s.framesRead(), s.framesWritten(), s.bytesRead(), s.bytesWritten(), s.queuedBytes()));
        }
        return out.toString().stripTrailing();
    }
}
