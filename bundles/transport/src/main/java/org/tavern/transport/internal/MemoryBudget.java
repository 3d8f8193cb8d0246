package org.tavern.transport.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes in flight across all connections, against one budget: frames being received (reserved
 * at their declared length as soon as the 4-byte prefix arrives, before any of their bytes are kept),
 * documents being inflated (reserved at the inflation limit they are given), and output queued for
 * writing (re-counted by {@link ConnectionWatch} every second, as MINA does not tell when a queued
 * frame is written). A frame that would take the total, its address's share or its connection's share
 * over the bound is refused; so is a connection's output once the total is over and its own queue
 * is past its fair share.
 *
 * <p>Lock-free: each reservation adds and then checks, taking itself back when over; two racing
 * reservations may both be refused near the edge, never both granted past it.
 */
final class MemoryBudget {

    /**
     * Frames up to this size are never refused for the server's total (only for their address's and
     * connection's shares), and inflating always gets at least this much: a budget filled by output
     * queued to clients that do not read must not stop everyone else's chat. What this lets past the
     * total is bounded by the open connections and the shards.
     */
    static final int ALWAYS_ALLOWED = 64 * 1024;

    private final AtomicLong inbound = new AtomicLong();
    private final AtomicLong inflating = new AtomicLong();
    private final ConcurrentHashMap<String, Long> perAddress = new ConcurrentHashMap<>();
    private volatile long queued;

    /** Why a reservation was refused, or null when granted. */
    String reserveFrame(Limits limits, String ip, long bytes) {
        if (bytes > limits.budgetPerConnection()) {
            return "frame of " + bytes + " bytes is over the per-connection share of " + limits.budgetPerConnection();
        }
        boolean[] granted = {false};
        perAddress.compute(ip, (key, held) -> {
            long now = held == null ? 0 : held;
            if (now + bytes > limits.budgetPerAddress()) {
                return held;
            }
            granted[0] = true;
            return now + bytes;
        });
        if (!granted[0]) {
            return "frames in flight from " + ip + " would pass the per-address share of " + limits.budgetPerAddress();
        }
        if (inbound.addAndGet(bytes) + inflating.get() + queued > limits.budgetBytes() && bytes > ALWAYS_ALLOWED) {
            releaseFrame(ip, bytes);
            return "bytes in flight would pass the server's budget of " + limits.budgetBytes();
        }
        return null;
    }

    void releaseFrame(String ip, long bytes) {
        inbound.addAndGet(-bytes);
        // an address with nothing in flight holds no entry
        perAddress.computeIfPresent(ip, (key, held) -> held - bytes <= 0 ? null : held - bytes);
    }

    /**
     * Reserves room to inflate one document: as much of {@code wanted} as the budget has left, and
     * at least {@link #ALWAYS_ALLOWED} (or {@code wanted}, if smaller). Returns the bytes granted, the
     * limit the document is inflated to.
     */
    long reserveInflation(Limits limits, long wanted) {
        long free = limits.budgetBytes() - inbound.get() - inflating.get() - queued;
        long granted = Math.min(wanted, Math.max(free, ALWAYS_ALLOWED));
        inflating.addAndGet(granted);
        return granted;
    }

    void releaseInflation(long bytes) {
        inflating.addAndGet(-bytes);
    }

    /** Output queued on all connections, as last counted. */
    void queued(long bytes) {
        queued = bytes;
    }

    /** True when everything in flight is over the budget: the largest output queues must go. */
    boolean over(Limits limits) {
        return inbound.get() + inflating.get() + queued > limits.budgetBytes();
    }

    long inbound() {
        return inbound.get();
    }

    long inflating() {
        return inflating.get();
    }

    long queued() {
        return queued;
    }
}
