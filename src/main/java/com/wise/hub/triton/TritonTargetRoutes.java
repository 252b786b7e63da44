package com.wise.hub.triton;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Instantiates the {@code triton-infer} route template (routes/pronunciation.yaml) once per Triton
 * target, as route {@code pronunciation-triton-<id>} on {@code direct:pronunciation-triton-<id>},
 * as {@code EngineCallRoutes} does for the HTTP engines. The routes exist before the first request:
 * a kamelet, made on first use by {@code toD}, was replaced mid-flight when two requests were the
 * first at the same time (Camel adds a kamelet's route once per new endpoint).
 */
@Component
class TritonTargetRoutes extends RouteBuilder {

    static final String TEMPLATE = "triton-infer";
    static final String ROUTE_PREFIX = "pronunciation-triton-";

    private final TritonProperties properties;

    TritonTargetRoutes(TritonProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        for (TritonTarget target : properties.targetList()) {
            templatedRoute(TEMPLATE)
                    .routeId(ROUTE_PREFIX + target.id())
                    .parameter("target", target.id())
                    .parameter("address", target.address());
        }
    }
}
