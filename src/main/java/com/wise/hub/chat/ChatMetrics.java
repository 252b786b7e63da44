package com.wise.hub.chat;

import com.wise.hub.metrics.HubMetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Chat's meters: time to first token, tokens by kind, streams by outcome, active streams. Every tag value is from a
 * bounded set: engine ids and model aliases are configuration, outcomes an enum.
 */
@Component
class ChatMetrics {

    /** The outcome of a stream that failed on every engine before its first event reached the client. */
    static final String FAILED_BEFORE_FIRST_TOKEN = "failed_before_first_token";

    private final MeterRegistry registry;
    private final AtomicInteger active = new AtomicInteger();

    ChatMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(HubMetricNames.CHAT_ACTIVE_STREAMS, active, AtomicInteger::get)
                .description("Chat streams this replica is relaying to clients now")
                .register(registry);
    }

    void firstToken(String engine, String model, Duration sinceArrival) {
        Timer.builder(HubMetricNames.CHAT_TIME_TO_FIRST_TOKEN)
                .description("Time from a streamed chat request's arrival to its first event leaving the hub, "
                        + "failover included")
                .tag("engine", engine).tag("model", model)
                .publishPercentileHistogram()
                .register(registry).record(sinceArrival);
    }

    void tokens(String engine, String model, long prompt, long completion) {
        count("prompt", engine, model, prompt);
        count("completion", engine, model, completion);
    }

    void streamBegan() {
        active.incrementAndGet();
    }

    void streamEnded(String engine, String model, String outcome, boolean began) {
        if (began) {
            active.decrementAndGet();
        }
        Counter.builder(HubMetricNames.CHAT_STREAMS)
                .description("Chat streams by how they ended: completed, client_cancelled, engine_cut, stalled, "
                        + "too_long, failed_before_first_token")
                .tag("outcome", outcome).tag("engine", engine).tag("model", model)
                .register(registry).increment();
    }

    private void count(String kind, String engine, String model, long tokens) {
        if (tokens > 0) {
            Counter.builder(HubMetricNames.CHAT_TOKENS)
                    .description("LLM tokens used, as the engines reported them, by kind (prompt, completion)")
                    .tag("kind", kind).tag("engine", engine).tag("model", model)
                    .register(registry).increment(tokens);
        }
    }
}
