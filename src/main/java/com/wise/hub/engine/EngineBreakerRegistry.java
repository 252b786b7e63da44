package com.wise.hub.engine;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one registry of engine circuit breakers. Camel's circuitBreaker EIP finds it by type and
 * creates each engine's breaker in it, named by engine id; camel-resilience4j-micrometer exports it
 * ({@code resilience4j_circuitbreaker_state{name}}); the engine probes read breaker states from it.
 */
@Configuration(proxyBeanMethods = false)
class EngineBreakerRegistry {

    @Bean
    CircuitBreakerRegistry engineCircuitBreakers() {
        return CircuitBreakerRegistry.ofDefaults();
    }
}
