package com.wise.hub.triton;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The circuit breakers of the Triton targets, one per target and named by its id, with the
 * settings of {@code hub.triton.breaker}. Each is also the bean {@code tritonBreaker-<id>} the
 * route template {@code triton-infer} refers to (registered by {@link TritonTargetBeans}), so the
 * breaker is named after the target rather than after a generated node id, and its predicate can
 * look inside gRPC statuses. Their state is published as {@code resilience4j_circuitbreaker_*{name="triton-1"}}.
 */
@Component("tritonBreakers")
public class TritonBreakers {

    /** Prefix of the breaker beans; the route template appends the target id. */
    public static final String BEAN_PREFIX = "tritonBreaker-";

    private final CircuitBreakerRegistry registry;

    TritonBreakers(TritonProperties properties, MeterRegistry meters) {
        TritonProperties.Breaker breaker = properties.breaker();
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(breaker.failureRateThreshold())
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                .waitDurationInOpenState(breaker.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpenState())
                // Triton refusing a request (unknown model, wrong tensor) says nothing about its health
                .recordException(TritonFailure::countsAgainstTarget)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
    }

    /** The breaker of one target, created on first use. */
    public CircuitBreaker breaker(String targetId) {
        return registry.circuitBreaker(targetId);
    }
}
