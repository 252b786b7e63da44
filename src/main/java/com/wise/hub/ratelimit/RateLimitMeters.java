package com.wise.hub.ratelimit;

import com.wise.hub.metrics.HubMetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** The limiter's counters, tagged by feature: rejections, degraded admissions, unenforced and returned quota. */
@Component
class RateLimitMeters {

    private final MeterRegistry registry;

    RateLimitMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void rejected(String feature, LimitDecision.Limit limit) {
        Counter.builder(HubMetricNames.RATELIMIT_REJECTED)
                .description("Requests refused with 429 by a shared limit, by feature and limit (per-minute, per-day)")
                .tag("feature", feature).tag("limit", limit.label()).register(registry).increment();
    }

    void degraded(String feature) {
        Counter.builder(HubMetricNames.RATELIMIT_DEGRADED)
                .description("Requests limited only by this replica's local throttle because Redis was unavailable")
                .tag("feature", feature).register(registry).increment();
    }

    void quotaFailOpen(String feature) {
        Counter.builder(HubMetricNames.QUOTA_FAIL_OPEN)
                .description("Requests admitted without a daily-quota check because Redis was unavailable")
                .tag("feature", feature).register(registry).increment();
    }

    void givenBack(String feature, String reason) {
        Counter.builder(HubMetricNames.QUOTA_GIVEN_BACK)
                .description("Daily-quota units returned because the request cost no engine call: it failed before "
                        + "one (reason no-engine-call) or a stored answer was replayed (reason replayed)")
                .tag("feature", feature).tag("reason", reason).register(registry).increment();
    }
}
