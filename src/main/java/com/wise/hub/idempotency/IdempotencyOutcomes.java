package com.wise.hub.idempotency;

import com.wise.hub.metrics.HubMetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counts what happened to requests carrying an {@code Idempotency-Key} ({@code hub_idempotency_requests_total}). */
@Component
class IdempotencyOutcomes {

    static final String NEW = "new";
    static final String REPLAYED = "replayed";
    static final String CONFLICT = "conflict";
    static final String MISMATCH = "mismatch";
    static final String BYPASS = "bypass";

    private final MeterRegistry meters;

    IdempotencyOutcomes(MeterRegistry meters) {
        this.meters = meters;
    }

    void count(String outcome) {
        Counter.builder(HubMetricNames.IDEMPOTENCY_REQUESTS)
                .description("Requests with an Idempotency-Key by outcome: new, replayed, conflict (409), "
                        + "mismatch (422), bypass (no Redis)")
                .tag("outcome", outcome).register(meters).increment();
    }
}
