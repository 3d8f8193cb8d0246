package org.tavern.lobby.internal.lobby;

/**
 * wesnothd's lobby flood control: the first message opens a window; each later one counts; once the
 * window has passed the count restarts, otherwise the message that reaches {@code max} is refused.
 * With the defaults (4 per 10 s) four messages pass and the rest of the window is refused.
 */
public final class FloodControl {

    private long windowStart = Long.MIN_VALUE;
    private int count;

    public FloodControl() {
    }

    /** A player's counters as a state handover carries them. */
    public FloodControl(long windowStart, int count) {
        this.windowStart = windowStart;
        this.count = count;
    }

    public long windowStart() {
        return windowStart;
    }

    public int count() {
        return count;
    }

    /** True when this message may be relayed. */
    public boolean allow(long nowMillis, int max, long periodMillis) {
        if (max <= 0) {
            return true;
        }
        if (windowStart == Long.MIN_VALUE || nowMillis - windowStart >= periodMillis) {
            windowStart = nowMillis;
            count = 1;
            return true;
        }
        if (count >= max) {
            return false;
        }
        count++;
        return true;
    }
}
