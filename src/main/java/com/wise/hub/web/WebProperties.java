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
 */
@Validated
@ConfigurationProperties("hub")
public record WebProperties(
        @DefaultValue("25MB") @NotNull DataSize maxRequestSize,
        @DefaultValue("30s") @NotNull Duration shutdownGrace) {

    public WebProperties {
        if (maxRequestSize.toBytes() <= 0) {
            throw new IllegalArgumentException("hub.max-request-size must be positive, was " + maxRequestSize);
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("hub.shutdown-grace must not be negative, was " + shutdownGrace);
        }
    }
}
