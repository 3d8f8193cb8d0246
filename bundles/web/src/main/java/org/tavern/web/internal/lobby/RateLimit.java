package org.tavern.web.internal.lobby;

/** A token bucket: {@code perSecond} tokens a second, at most {@code burst} saved up. One socket's thread only. */
final class RateLimit {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long lastNanos;
    private boolean started;

    RateLimit(int perSecond, int burst) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
    }

    boolean tryTake(long nowNanos) {
        if (started) {
            tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * perNano);
        }
        started = true;
        lastNanos = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
