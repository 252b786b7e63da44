package com.wise.hub.health;

import com.wise.hub.config.Redaction;
import com.wise.hub.redis.RedisWarmup;
import com.wise.hub.routes.RouteFileFailures;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.stereotype.Component;

/**
 * The bodies of {@code /health} and {@code /health/ready}. Ready means the routes run, the Redis
 * warm-up ({@link RedisWarmup}) has ended and the hub is not shutting down; a dependency that is
 * down makes it DEGRADED (still 200), because the hub fails over or fails open around it.
 */
@Component("healthReport")
public class HealthReport {

    private final CamelContext camel;
    private final DependencyProber prober;
    private final ApplicationAvailability availability;
    private final HealthProperties properties;
    private final RedisWarmup warmup;
    private final RouteFileFailures routeFiles;

    HealthReport(CamelContext camel, DependencyProber prober, ApplicationAvailability availability,
            HealthProperties properties, RedisWarmup warmup, RouteFileFailures routeFiles) {
        this.camel = camel;
        this.prober = prober;
        this.availability = availability;
        this.properties = properties;
        this.warmup = warmup;
        this.routeFiles = routeFiles;
    }

    /** {@code {"status":"UP"}}: the process runs and its routes answer. */
    public Map<String, Object> liveness(Exchange exchange) {
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        return Map.of("status", "UP");
    }

    /**
     * Per-dependency status and the overall UP, DEGRADED, STARTING (503: the Redis warm-up still runs)
     * or DOWN (503).
     */
    public Map<String, Object> readiness(Exchange exchange) {
        Map<String, Object> dependencies = new LinkedHashMap<>();
        boolean degraded = false;
        boolean down = !camel.isStarted()
                || availability.getReadinessState() == ReadinessState.REFUSING_TRAFFIC;
        for (DependencyProbe probe : prober.probes()) {
            ProbeResult result = prober.latest().get(probe.name());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", result.status().name());
            entry.put("detail", Redaction.addresses(result.detail()));
            if (properties.showDetails() && result.diagnostics() != null) {
                entry.put("diagnostics", Redaction.url(result.diagnostics()));
            }
            if (result.checkedAt() != null) {
                entry.put("checkedAt", result.checkedAt().toString());
            }
            dependencies.put(probe.name(), entry);
            if (result.status() == ProbeResult.Status.DOWN) {
                degraded = true;
                down |= !probe.degradesOnly();
            }
        }
        // A route file that did not reload: its previous routes serve, so the hub is degraded, not down.
        Map<String, RouteFileFailures.Failure> failedFiles = routeFiles.current();
        failedFiles.forEach((file, failure) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", "DOWN");
            entry.put("detail", "did not reload, its previous routes keep serving: " + Redaction.addresses(failure.reason()));
            entry.put("checkedAt", failure.at().toString());
            dependencies.put("routes/" + file, entry);
        });
        degraded |= !failedFiles.isEmpty();
        boolean starting = !down && !warmup.finished();
        String status = down ? "DOWN" : starting ? "STARTING" : degraded ? "DEGRADED" : "UP";
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, down || starting ? 503 : 200);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("status", status);
        report.put("camel", camel.getStatus().name());
        report.put("dependencies", dependencies);
        return report;
    }
}
