package com.wise.hub.health;

import java.time.Instant;

/**
 * Outcome of one probe.
 *
 * @param status      UP, DOWN, NOT_CONFIGURED or UNKNOWN
 * @param detail      short reason, safe for anyone to read: no host, address, port or exception text
 * @param diagnostics the full story for operators (hosts, exception messages), or null; shown on
 *                    {@code /health/ready} only with {@code hub.health.show-details=true}, and logged
 *                    when the status changes
 * @param checkedAt   when the probe ran
 */
public record ProbeResult(Status status, String detail, String diagnostics, Instant checkedAt) {

    public enum Status { UP, DOWN, NOT_CONFIGURED, UNKNOWN }

    public static ProbeResult up(String detail) {
        return new ProbeResult(Status.UP, detail, null, Instant.now());
    }

    public static ProbeResult down(String detail) {
        return new ProbeResult(Status.DOWN, detail, null, Instant.now());
    }

    /** DOWN with operator-only diagnostics beside the public {@code detail}. */
    public static ProbeResult down(String detail, String diagnostics) {
        return new ProbeResult(Status.DOWN, detail, diagnostics, Instant.now());
    }

    public static ProbeResult notConfigured(String detail) {
        return new ProbeResult(Status.NOT_CONFIGURED, detail, null, Instant.now());
    }
}
