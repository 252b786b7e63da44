package com.wise.hub.health;

/**
 * One thing the hub depends on (Redis, an engine, a Triton target), checked in the background
 * for {@code /health/ready}. Implementations are Spring beans; the prober finds them all.
 */
public interface DependencyProbe {

    /** Name shown in the readiness report and as the {@code dependency} metric tag, e.g. {@code stt-1}. */
    String name();

    /** Checks the dependency once; should return within a few seconds and never throw. */
    ProbeResult probe();

    /** When true, a failing probe makes the hub report DEGRADED instead of UP; default true. */
    default boolean degradesOnly() {
        return true;
    }
}
