package com.wise.hub.web;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the hub's HTTP front ({@code hub.*}).
 *
 * @param maxRequestSize largest request body accepted, uploads included; larger gets 413. Default 25 MB.
 * @param shutdownGrace  how long in-flight requests may finish after SIGTERM. Default 30 s.
 * @param requestTimeout longest any request may take, a backstop behind each route's own deadline;
 *                       past it the client gets 504. Default 180 s.
 * @param maxInFlight    requests one replica serves at once, operations endpoints excepted; past it a
 *                       request gets 503 with Retry-After at once (load shedding). Default 2,000.
 */
@Validated
@ConfigurationProperties("hub")
public record WebProperties(
        @DefaultValue("25MB") @NotNull DataSize maxRequestSize,
        @DefaultValue("30s") @NotNull Duration shutdownGrace,
        @DefaultValue("180s") @NotNull Duration requestTimeout,
        @DefaultValue("2000") int maxInFlight) {

    public WebProperties {
        if (maxRequestSize.toBytes() <= 0) {
            throw new IllegalArgumentException("hub.max-request-size must be positive, was " + maxRequestSize);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("hub.request-timeout must be positive, was " + requestTimeout);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("hub.max-in-flight must be at least 1, was " + maxInFlight);
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("hub.shutdown-grace must not be negative, was " + shutdownGrace);
        }
    }
}
