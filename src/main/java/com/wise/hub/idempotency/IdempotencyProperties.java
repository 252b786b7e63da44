package com.wise.hub.idempotency;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How requests with an {@code Idempotency-Key} run once ({@code hub.idempotency.*}).
 *
 * @param enabled         false ignores {@code Idempotency-Key}; default true
 * @param ttl             how long a finished request's response is replayed for its key; default 24 h
 * @param inFlightTtl     how long a started request holds its key before a retry may run it again
 *                        (covers a replica that died mid-request); keep it above the slowest
 *                        request. Default 2 min
 * @param retryAfter      {@code Retry-After} of the 409 answered to a retry while the first
 *                        request still runs; default 1 s
 * @param maxResponseSize a larger response is not kept: a retry runs the request again
 *                        (usually a cache hit); default 5 MB
 */
@Validated
@ConfigurationProperties("hub.idempotency")
public record IdempotencyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("24h") @NotNull Duration ttl,
        @DefaultValue("2m") @NotNull Duration inFlightTtl,
        @DefaultValue("1s") @NotNull Duration retryAfter,
        @DefaultValue("5MB") @NotNull DataSize maxResponseSize) {

    public IdempotencyProperties {
        requirePositive("hub.idempotency.ttl", ttl);
        requirePositive("hub.idempotency.in-flight-ttl", inFlightTtl);
        requirePositive("hub.idempotency.retry-after", retryAfter);
        if (maxResponseSize.toBytes() <= 0) {
            throw new IllegalArgumentException("hub.idempotency.max-response-size must be positive, was "
                    + maxResponseSize);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
