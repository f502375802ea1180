package org.sohbet.livechat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters for the widget's abuse limits, in memory on this node (ADR 0012). Keys are a limit's name
 * and a client: a visitor session or an address. {@code sohbet.rate-limits.enabled=false}
 * ({@code SOHBET_RATE_LIMITS_ENABLED}) turns them and the per-socket frame rate off: for load tests only.
 */
@Component
class RateLimits {

    enum Limit {
        /** New visitor sessions from one address. */
        SESSIONS_PER_ADDRESS(60, Duration.ofMinutes(10)),
        /** New conversations from one address. */
        CONVERSATIONS_PER_ADDRESS(20, Duration.ofMinutes(10)),
        /** Messages from one visitor session. */
        MESSAGES_PER_VISITOR(30, Duration.ofMinutes(1)),
        /** Files from one visitor session. */
        UPLOADS_PER_VISITOR(10, Duration.ofMinutes(10));

        final int max;
        final Duration window;

        Limit(int max, Duration window) {
            this.max = max;
            this.window = window;
        }
    }

    private record Window(long startMillis, int count) {}

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private final boolean enabled;

    RateLimits(Clock clock, @Value("${sohbet.rate-limits.enabled:true}") boolean enabled) {
        this.clock = clock;
        this.enabled = enabled;
    }

    /** Whether the limits apply; false only for a load test. */
    boolean enabled() {
        return enabled;
    }

    /** Forgets every count; tests start from zero. */
    void reset() {
        windows.clear();
    }

    /** Counts one event; returns 0 when allowed, else the seconds until the window ends. */
    long acquire(Limit limit, String client) {
        if (!enabled) {
            return 0;
        }
        long now = clock.millis();
        long windowMillis = limit.window.toMillis();
        long[] retry = {0};
        windows.compute(limit.name() + ":" + client, (key, window) -> {
            if (window == null || now - window.startMillis() >= windowMillis) {
                return new Window(now, 1);
            }
            if (window.count() >= limit.max) {
                retry[0] = Math.max(1, (window.startMillis() + windowMillis - now + 999) / 1000);
                return window;
            }
            return new Window(window.startMillis(), window.count() + 1);
        });
        if (windows.size() > 100_000) {
            windows.entrySet()
                    .removeIf(e -> now - e.getValue().startMillis()
                            >= Duration.ofHours(1).toMillis());
        }
        return retry[0];
    }
}
