package com.wise.hub.triton;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.stereotype.Component;

/**
 * The circuit breakers of the Triton targets, one per target and named by its id, with the
 * settings of {@code hub.triton.breaker}. Each is also the bean {@code tritonBreaker-<id>} the
 * route template {@code triton-infer} refers to (registered by {@link TritonTargetBeans}): the
 * circuitBreaker EIP's own {@code recordException} takes exception classes only, and which gRPC
 * failures count depends on the status code inside the exception. They live in the hub's one breaker registry (the engines' too), which
 * camel-resilience4j-micrometer publishes as {@code resilience4j_circuitbreaker_*{name="triton-1"}}.
 */
@Component("tritonBreakers")
public class TritonBreakers {

    /** Prefix of the breaker beans; the route template appends the target id. */
    public static final String BEAN_PREFIX = "tritonBreaker-";

    private final CircuitBreakerRegistry registry;
    private final CircuitBreakerConfig config;

    TritonBreakers(TritonProperties properties, CircuitBreakerRegistry registry) {
        TritonProperties.Breaker breaker = properties.breaker();
        this.registry = registry;
        this.config = CircuitBreakerConfig.custom()
                .failureRateThreshold(breaker.failureRateThreshold())
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                .waitDurationInOpenState(breaker.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpenState())
                // Triton refusing a request (unknown model, wrong tensor) says nothing about its health
                .recordException(TritonFailure::countsAgainstTarget)
                .build();
    }

    /** The breaker of one target, created on first use with the settings of {@code hub.triton.breaker}. */
    public CircuitBreaker breaker(String targetId) {
        return registry.circuitBreaker(targetId, config);
    }
}
