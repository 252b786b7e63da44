package com.wise.hub.engine;

import com.wise.hub.metrics.HubMetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The engine meters: {@code hub_engine_requests_total{engine,outcome}},
 * {@code hub_engine_request_duration_seconds{engine}} (histogram) and
 * {@code hub_engine_failovers_total{capability,from,to}}.
 */
@Component
class EngineMetrics {

    private final MeterRegistry registry;

    EngineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one attempt; {@code took} is null for attempts that never reached the engine. */
    void attempt(String engine, EngineOutcome outcome, Duration took) {
        Counter.builder(HubMetricNames.ENGINE_REQUESTS)
                .description("Engine calls by engine and outcome, skipped ones (circuit-open, saturated) included")
                .tag("engine", engine).tag("outcome", outcome.label())
                .register(registry).increment();
        if (took != null) {
            Timer.builder(HubMetricNames.ENGINE_REQUEST_DURATION)
                    .description("Time from sending a request to an engine to its answer or failure")
                    .tag("engine", engine)
                    .publishPercentileHistogram()
                    .register(registry).record(took);
        }
    }

    /** Counts a move from one engine to the next within a request. */
    void failover(String capability, String from, String to) {
        Counter.builder(HubMetricNames.ENGINE_FAILOVERS)
                .description("Moves from a failed, open or saturated engine to the next one")
                .tag("capability", capability).tag("from", from).tag("to", to)
                .register(registry).increment();
    }
}
