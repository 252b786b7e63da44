package com.wise.hub.cache;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How engine answers are cached in Redis ({@code hub.cache.*}).
 *
 * @param enabled      false answers every request with {@code X-Cache: BYPASS}; default true
 * @param maxEntrySize answers with a larger body are sent but not stored; default 5 MB
 * @param flightLease  longest time one request holds the single flight of its cache key; when the
 *                     holder dies, a waiter takes over after this. Must be longer than the deadline
 *                     of every cached capability (checked at start-up). Default 65 s
 * @param flightWait   longest time a request waits for another request's identical engine call
 *                     before calling the engine itself; keep it above {@code flight-lease} so a
 *                     waiter can take over from a dead holder. Default 70 s
 * <p>How long a capability's answers are kept is its {@code hub.capabilities.<name>.cache-ttl}.
 */
@Validated
@ConfigurationProperties("hub.cache")
public record CacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5MB") @NotNull DataSize maxEntrySize,
        @DefaultValue("65s") @NotNull Duration flightLease,
        @DefaultValue("70s") @NotNull Duration flightWait) {

    public CacheProperties {
        if (maxEntrySize.toBytes() <= 0) {
            throw new IllegalArgumentException("hub.cache.max-entry-size must be positive, was " + maxEntrySize);
        }
        requirePositive("hub.cache.flight-lease", flightLease);
        requirePositive("hub.cache.flight-wait", flightWait);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
