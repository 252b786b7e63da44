package com.wise.hub.ratelimit;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tokens one chat request reserved from its caller's daily token quota (exchange property
 * {@value TokenQuota#RESERVATION}), settled exactly once when its answer ends: to the tokens it used, or to
 * nothing when the engine failed. Whoever ends the answer settles it: the exchange's completion for a JSON answer,
 * the stream's end for a stream ({@link #handOver}).
 */
public final class TokenReservation {

    private final TokenQuota quota;
    private final String feature;
    private final String key;
    private final long reserved;
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile boolean handedOver;

    TokenReservation(TokenQuota quota, String feature, String key, long reserved) {
        this.quota = quota;
        this.feature = feature;
        this.key = key;
        this.reserved = reserved;
    }

    /** The tokens reserved: the request's most. */
    public long reserved() {
        return reserved;
    }

    /** The stream now owns the reservation; the exchange's completion leaves it alone. */
    public void handOver() {
        handedOver = true;
    }

    boolean handedOver() {
        return handedOver;
    }

    /** Charges {@code used} tokens in place of the reservation; only the first call counts. */
    public void settle(long used) {
        if (settled.compareAndSet(false, true)) {
            quota.settle(feature, key, Math.max(0, used) - reserved);
        }
    }

    /** Returns the whole reservation (the engine failed, or nothing was answered); only the first call counts. */
    public void refund() {
        settle(0);
    }

    String key() {
        return key;
    }
}
