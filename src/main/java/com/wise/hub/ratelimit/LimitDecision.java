package com.wise.hub.ratelimit;

import java.time.Duration;

/**
 * What the shared limiter decided for one request.
 *
 * @param admitted        whether the request may proceed
 * @param rejectedBy      the limit that refused it; null when admitted
 * @param charged         whether a quota unit was taken (false when the daily quota is unlimited)
 * @param remainingWindow requests still allowed in the current sliding window (meaningless when unlimited)
 * @param remainingDay    quota units left today
 * @param untilSlot       time until the oldest request in the window leaves it (a slot frees); zero when empty
 * @param untilMidnight   time until the daily quota resets
 */
record LimitDecision(boolean admitted, Limit rejectedBy, boolean charged, long remainingWindow, long remainingDay,
        Duration untilSlot, Duration untilMidnight) {

    /** The limits a request can hit, named as the problem document names them. */
    enum Limit {
        PER_MINUTE("per-minute"), PER_DAY("per-day"), TOKENS_PER_DAY("tokens-per-day");

        private final String label;

        Limit(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }
}
