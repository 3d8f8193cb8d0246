package org.tavern.loadgen;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What every scenario shares: the server's address, the event loops, the server's /proc figures,
 * the verdict, and waits that always end (each has a deadline and says what it was waiting for).
 */
final class Harness implements AutoCloseable {

    /** A wait that passed its deadline; the run fails with this message. */
    static final class TimeoutException extends Exception {
        TimeoutException(String message) {
            super(message);
        }
    }

    final InetSocketAddress server;
    final String serverLabel;
    final ServerStats stats;
    final Verdict verdict = new Verdict();
    private final List<EventLoop> loops = new ArrayList<>();
    private int nextLoop;

    Harness(InetSocketAddress server, String serverLabel, long serverPid, int threads) {
        this.server = server;
        this.serverLabel = serverLabel;
        this.stats = new ServerStats(serverPid);
        for (int i = 0; i < threads; i++) {
            loops.add(new EventLoop("loadgen-" + i, verdict));
        }
    }

    /** A new client on the next loop (round robin); not yet connected. */
    Client client(String name, Client.Handler handler) {
        EventLoop loop = loops.get(nextLoop++ % loops.size());
        return new Client(name, loop, handler, verdict);
    }

    /**
     * Waits until {@code done} holds, checking every millisecond or so. Gives up early when the
     * run already failed (nothing good can come of waiting on), and at the deadline.
     */
    void await(String what, long timeoutMillis, BooleanSupplier done) throws TimeoutException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!done.getAsBoolean()) {
            if (verdict.protocolErrors.get() > 0) {
                throw new TimeoutException("stopped waiting for " + what + " after a protocol error");
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("timed out after " + timeoutMillis + " ms waiting for " + what);
            }
            sleepMillis(1);
        }
    }

    static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The common head of every result line. */
    String resultHead(String scenario) {
        return "RESULT scenario=" + scenario + " server=" + serverLabel;
    }

    /** {@code cpu_us_per_<unit>=...} or {@code =na} without a server pid. */
    String cpuPer(String unit, long cpuMicros, long units) {
        if (!stats.known() || units == 0) {
            return "cpu_us_per_" + unit + "=na";
        }
        return "cpu_us_per_" + unit + "=" + String.format(java.util.Locale.ROOT, "%.1f", cpuMicros / (double) units);
    }

    /** {@code server_rss_kb=...} now, or {@code =na} without a server pid. */
    String rssField() {
        return "server_rss_kb=" + (stats.known() ? Long.toString(stats.rssKb()) : "na");
    }

    @Override
    public void close() {
        for (EventLoop loop : loops) {
            loop.close();
        }
    }

    static String perSecond(long count, long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos <= 0 ? 0.0 : count * 1e9 / nanos);
    }
}
