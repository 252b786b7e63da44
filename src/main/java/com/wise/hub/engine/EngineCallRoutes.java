package com.wise.hub.engine;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.springframework.stereotype.Component;

/**
 * Instantiates a route template of {@code routes/shared/engine-call.yaml} once per configured engine,
 * as route {@code engine-call-<id>} listening on {@code direct:engine-call-<id>}, with the engine's
 * settings: {@code engine-call} for HTTP engines ({@code hub.engines.*}), {@code grpc-engine-call} for
 * gRPC engines (the Triton targets). Adding an engine is therefore a configuration change only.
 * Engines without a URL get no route; engine-failover skips them.
 */
@Component
class EngineCallRoutes extends RouteBuilder {

    static final String TEMPLATE = "engine-call";
    static final String GRPC_TEMPLATE = "grpc-engine-call";
    static final String ROUTE_PREFIX = "engine-call-";

    private final EngineCatalog catalog;

    EngineCallRoutes(EngineCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void configure() {
        for (EngineSettings engine : catalog.configured()) {
            BreakerSettings breaker = engine.breaker();
            TemplatedRouteDefinition route = templatedRoute(engine.grpc() ? GRPC_TEMPLATE : TEMPLATE)
                    .routeId(ROUTE_PREFIX + engine.id())
                    // no node-id prefix: the breaker's node id, hence its name in resilience4j and JMX, is the engine id
                    .prefixId("")
                    .parameter("engineId", engine.id())
                    .parameter("maxInFlight", String.valueOf(engine.maxInFlight()))
                    .parameter("failureRateThreshold", String.valueOf(breaker.failureRateThreshold()))
                    .parameter("minimumNumberOfCalls", String.valueOf(breaker.minimumNumberOfCalls()))
                    .parameter("slidingWindowSize", String.valueOf(breaker.slidingWindowSize()))
                    .parameter("waitDurationInOpenState", String.valueOf(breaker.waitSecondsInOpenState()))
                    .parameter("permittedNumberOfCallsInHalfOpenState",
                            String.valueOf(breaker.permittedNumberOfCallsInHalfOpenState()));
            if (engine.grpc()) {
                route.parameter("address", engine.url().getHost() + ":" + engine.url().getPort());
            } else {
                route.parameter("url", engine.url().toString())
                        .parameter("connectTimeout", String.valueOf(engine.connectTimeout().toMillis()))
                        .parameter("responseTimeout", String.valueOf(engine.responseTimeout().toMillis()));
            }
        }
    }
}
