package com.wise.hub.health;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Background dependency probing ({@code hub.health.*}).
 *
 * @param probeInterval pause between two rounds of probes; default 5 s
 * @param probeTimeout  how long one probe may take before it counts as DOWN; default 2 s
 * @param showDetails   true adds each dependency's {@code diagnostics} (hosts, ports, exception text) to
 *                      {@code /health/ready}; default false, because anyone can read it. Operators find the
 *                      same text in the log line written when a dependency's status changes
 */
@Validated
@ConfigurationProperties("hub.health")
public record HealthProperties(
        @DefaultValue("5s") @NotNull Duration probeInterval,
        @DefaultValue("2s") @NotNull Duration probeTimeout,
        @DefaultValue("false") boolean showDetails) {

    public HealthProperties {
        if (probeInterval.isNegative() || probeInterval.isZero()) {
            throw new IllegalArgumentException("hub.health.probe-interval must be positive, was " + probeInterval);
        }
        if (probeTimeout.isNegative() || probeTimeout.isZero()) {
            throw new IllegalArgumentException("hub.health.probe-timeout must be positive, was " + probeTimeout);
        }
    }
}
