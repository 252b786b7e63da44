package com.wise.hub.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The per-minute limit on this replica alone, for while Redis is unavailable: the same algorithm as
 * {@code ratelimit/admit.lua} (one counter per second of the sliding window), so a caller costs about
 * 300 bytes whatever its limit. Ours, not Camel's Throttle EIP, which it replaced: the EIP keeps one
 * permit object per admitted request per caller, so memory grew with limit × callers (500 callers at
 * 100,000 a minute ran a 512 MB hub out of memory) and per-minute limits had to be capped at 10,000.
 * At most {@value #MAX_CALLERS} callers are tracked; beyond them, after dropping callers idle for a
 * whole window, a new caller is admitted untracked (logged once per minute).
 */
@Component
class LocalLimiter {

    static final int MAX_CALLERS = 50_000;
    private static final int SECONDS = (int) SharedLimitStore.WINDOW.toSeconds();
    private static final Logger log = LoggerFactory.getLogger(LocalLimiter.class);

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private volatile long overflowLoggedAt;

    /**
     * Admits one request of {@code caller} (identity and feature) if fewer than {@code perMinute} were
     * admitted in the window. The decision's daily values are zero: there is no daily quota per replica.
     */
    LimitDecision admit(String caller, Allowance perMinute, Instant now) {
        long second = now.getEpochSecond();
        Window window = windows.get(caller);
        if (window == null) {
            if (windows.size() >= MAX_CALLERS) {
                windows.values().removeIf(w -> w.idleSince(second));
            }
            if (windows.size() >= MAX_CALLERS) {
                if (second - overflowLoggedAt >= SECONDS) {
                    overflowLoggedAt = second;
                    log.warn("Per-replica rate limiting tracks {} callers already; new callers are admitted "
                            + "without a limit until Redis is back or callers go idle", MAX_CALLERS);
                }
                return new LimitDecision(true, null, false, 0, 0, Duration.ZERO, Duration.ZERO);
            }
            window = windows.computeIfAbsent(caller, c -> new Window());
        }
        return window.admit(second, perMinute.value(), now);
    }

    int callers() {
        return windows.size();
    }

    /** One caller's window: requests per second for the last {@link #SECONDS} seconds, in a ring. */
    private static final class Window {
        private final int[] counts = new int[SECONDS];
        private long latest = Long.MIN_VALUE;
        private long total;

        synchronized LimitDecision admit(long second, long limit, Instant now) {
            advance(second);
            boolean admitted = total < limit;
            if (admitted) {
                counts[slot(second)]++;
                total++;
            }
            return new LimitDecision(admitted, admitted ? null : LimitDecision.Limit.PER_MINUTE, false,
                    Math.max(0, limit - total), 0, untilSlot(second, now), Duration.ZERO);
        }

        synchronized boolean idleSince(long second) {
            return latest <= second - SECONDS;
        }

        /** Clears the seconds that left the window since the latest request. */
        private void advance(long second) {
            if (second <= latest) {
                return;
            }
            long clear = latest == Long.MIN_VALUE ? SECONDS : Math.min(SECONDS, second - latest);
            for (long s = second - clear + 1; s <= second; s++) {
                total -= counts[slot(s)];
                counts[slot(s)] = 0;
            }
            latest = second;
        }

        /** Time until the oldest second with a request leaves the window. */
        private Duration untilSlot(long second, Instant now) {
            for (long s = second - SECONDS + 1; s <= second; s++) {
                if (counts[slot(s)] > 0) {
                    return Duration.ofMillis(Math.max(0, (s + SECONDS) * 1000 - now.toEpochMilli()));
                }
            }
            return Duration.ZERO;
        }

        private static int slot(long second) {
            return (int) Math.floorMod(second, (long) SECONDS);
        }
    }
}
