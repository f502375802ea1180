package org.sohbet.shared.realtime;

/**
 * A token bucket per socket: 20 frames a second with a burst of 100, so a client flooding frames is closed (1008)
 * while one sending a quick burst is not. {@code new FrameRate(false)} allows every frame: for load tests only
 * ({@code SOHBET_RATE_LIMITS_ENABLED=false}, docs/performance.md).
 */
public final class FrameRate {

    private static final double PER_SECOND = 20;
    private static final double BURST = 100;

    private final boolean enabled;
    private double tokens = BURST;
    private long lastNanos = System.nanoTime();

    public FrameRate() {
        this(true);
    }

    public FrameRate(boolean enabled) {
        this.enabled = enabled;
    }

    public synchronized boolean allow() {
        if (!enabled) {
            return true;
        }
        long now = System.nanoTime();
        tokens = Math.min(BURST, tokens + (now - lastNanos) / 1e9 * PER_SECOND);
        lastNanos = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
