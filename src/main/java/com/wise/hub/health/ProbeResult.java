package com.wise.hub.health;

import java.time.Instant;

/**
 * Outcome of one probe.
 *
 * @param status    UP, DOWN or NOT_CONFIGURED
 * @param detail    short human-readable reason, never a stack trace
 * @param checkedAt when the probe ran
 */
public record ProbeResult(Status status, String detail, Instant checkedAt) {

    public enum Status { UP, DOWN, NOT_CONFIGURED, UNKNOWN }

    public static ProbeResult up(String detail) {
        return new ProbeResult(Status.UP, detail, Instant.now());
    }

    public static ProbeResult down(String detail) {
        return new ProbeResult(Status.DOWN, detail, Instant.now());
    }

    public static ProbeResult notConfigured(String detail) {
        return new ProbeResult(Status.NOT_CONFIGURED, detail, Instant.now());
    }
}
