package com.wise.hub.triton;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.camel.spi.RouteTemplateParameterSource;
import org.springframework.stereotype.Component;

/**
 * Asks Camel to make one route per Triton target from the route template {@code triton-infer}
 * (routes/pronunciation.yaml) when it starts: {@code pronunciation-triton-triton-1}, ... Camel
 * reads every {@link RouteTemplateParameterSource} bean at start-up. The routes exist before the
 * first request: a kamelet, made on first use by {@code toD}, was replaced mid-flight when two
 * requests were the first at the same time (Camel adds the kamelet's route once per new endpoint).
 */
@Component("tritonTargetRoutes")
class TritonTargetRoutes implements RouteTemplateParameterSource {

    static final String TEMPLATE = "triton-infer";
    static final String ROUTE_PREFIX = "pronunciation-triton-";

    private final Map<String, TritonTarget> targets = new LinkedHashMap<>();

    TritonTargetRoutes(TritonProperties properties) {
        for (TritonTarget target : properties.targetList()) {
            targets.put(ROUTE_PREFIX + target.id(), target);
        }
    }

    @Override
    public Set<String> routeIds() {
        return new LinkedHashSet<>(targets.keySet());
    }

    @Override
    public Map<String, Object> parameters(String routeId) {
        TritonTarget target = targets.get(routeId);
        if (target == null) {
            return Map.of();
        }
        return Map.of(TEMPLATE_ID, TEMPLATE, "target", target.id(), "address", target.address());
    }
}
