package com.wise.hub.engine;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Instantiates the {@code engine-call} route template ({@code routes/shared/engine-call.yaml}) once
 * per configured engine, as route {@code engine-call-<id>} listening on {@code direct:engine-call-<id>},
 * with the engine's settings from {@code hub.engines.*}. Adding an engine is therefore a configuration
 * change only. Engines without a URL get no route; engine-failover skips them.
 */
@Component
class EngineCallRoutes extends RouteBuilder {

    static final String TEMPLATE = "engine-call";
    static final String ROUTE_PREFIX = "engine-call-";

    private final EngineCatalog catalog;

    EngineCallRoutes(EngineCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void configure() {
        for (EngineSettings engine : catalog.configured()) {
            BreakerSettings breaker = engine.breaker();
            templatedRoute(TEMPLATE)
                    .routeId(ROUTE_PREFIX + engine.id())
                    // no node-id prefix: the breaker's node id, hence its name in resilience4j and JMX, is the engine id
                    .prefixId("")
                    .parameter("engineId", engine.id())
                    .parameter("url", engine.url().toString())
                    .parameter("connectTimeout", String.valueOf(engine.connectTimeout().toMillis()))
                    .parameter("responseTimeout", String.valueOf(engine.responseTimeout().toMillis()))
                    .parameter("maxInFlight", String.valueOf(engine.maxInFlight()))
                    .parameter("failureRateThreshold", String.valueOf(breaker.failureRateThreshold()))
                    .parameter("minimumNumberOfCalls", String.valueOf(breaker.minimumNumberOfCalls()))
                    .parameter("slidingWindowSize", String.valueOf(breaker.slidingWindowSize()))
                    .parameter("waitDurationInOpenState", String.valueOf(breaker.waitSecondsInOpenState()))
                    .parameter("permittedNumberOfCallsInHalfOpenState",
                            String.valueOf(breaker.permittedNumberOfCallsInHalfOpenState()));
        }
    }
}
