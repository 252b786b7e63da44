package com.wise.hub.engine;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The resilience4j circuit breaker of one engine (a count-based sliding window). With the defaults:
 * once 10 of the last 20 calls were made, the breaker opens when at least half of them failed
 * (connection error, timeout, 5xx, 429); it then rejects calls for 30 s, lets 2 trial calls through
 * (half-open) and closes again when they succeed.
 *
 * @param failureRateThreshold                  failure percentage that opens the breaker; range 1 to 100, default 50
 * @param minimumNumberOfCalls                  calls needed before the rate is judged; default 10
 * @param slidingWindowSize                     number of most recent calls the rate is computed over; default 20
 * @param waitDurationInOpenState               how long the breaker stays open before trial calls; whole seconds
 *                                              (rounded up), at least 1 s; default 30 s
 * @param permittedNumberOfCallsInHalfOpenState trial calls let through when half-open; default 2
 */
public record BreakerSettings(
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("10") int minimumNumberOfCalls,
        @DefaultValue("20") int slidingWindowSize,
        @DefaultValue("30s") Duration waitDurationInOpenState,
        @DefaultValue("2") int permittedNumberOfCallsInHalfOpenState) {

    /** Throws {@link IllegalArgumentException} naming {@code prefix.<key>} for any value out of range. */
    void validate(String prefix) {
        if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
            throw new IllegalArgumentException(prefix + ".failure-rate-threshold must be a percentage in (0, 100], was "
                    + failureRateThreshold);
        }
        EngineSettings.requireAtLeast(prefix + ".minimum-number-of-calls", minimumNumberOfCalls, 1);
        EngineSettings.requireAtLeast(prefix + ".sliding-window-size", slidingWindowSize, 1);
        EngineSettings.requirePositive(prefix + ".wait-duration-in-open-state", waitDurationInOpenState);
        EngineSettings.requireAtLeast(prefix + ".permitted-number-of-calls-in-half-open-state",
                permittedNumberOfCallsInHalfOpenState, 1);
    }

    /** The wait in open state as Camel's resilience4j EIP takes it: whole seconds, rounded up. */
    long waitSecondsInOpenState() {
        return Math.max(1, (waitDurationInOpenState.toMillis() + 999) / 1000);
    }

    /** These settings with the engine's own overrides applied. */
    BreakerSettings with(EngineProperties.Breaker overrides) {
        if (overrides == null) {
            return this;
        }
        return new BreakerSettings(
                overrides.failureRateThreshold() != null ? overrides.failureRateThreshold() : failureRateThreshold,
                overrides.minimumNumberOfCalls() != null ? overrides.minimumNumberOfCalls() : minimumNumberOfCalls,
                overrides.slidingWindowSize() != null ? overrides.slidingWindowSize() : slidingWindowSize,
                overrides.waitDurationInOpenState() != null ? overrides.waitDurationInOpenState()
                        : waitDurationInOpenState,
                overrides.permittedNumberOfCallsInHalfOpenState() != null
                        ? overrides.permittedNumberOfCallsInHalfOpenState() : permittedNumberOfCallsInHalfOpenState);
    }
}
