package com.wise.hub.engine;

import com.wise.hub.health.DependencyProbe;
import com.wise.hub.health.HealthProperties;
import com.wise.hub.health.ProbeResult;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Readiness of one engine ({@code /health/ready}): not configured without a URL; down when its
 * health path does not answer (any HTTP status below 500 counts as an answer), when an engine with an API key
 * refuses it (401, 403), or when its circuit breaker is open; up otherwise. The probe sends the engine's key. One per declared engine, registered by {@link EngineProbeRegistrar}.
 */
class EngineProbe implements DependencyProbe {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();

    private final String engineId;
    private final EngineCatalog catalog;
    private final CircuitBreakerRegistry breakers;
    private final HealthProperties health;
    private final EngineRequests requests;

    EngineProbe(String engineId, EngineCatalog catalog, CircuitBreakerRegistry breakers, HealthProperties health,
            EngineRequests requests) {
        this.engineId = engineId;
        this.catalog = catalog;
        this.breakers = breakers;
        this.health = health;
        this.requests = requests;
    }

    @Override
    public String name() {
        return engineId;
    }

    @Override
    public ProbeResult probe() {
        EngineSettings engine = catalog.get(engineId);
        if (!engine.configured()) {
            return ProbeResult.notConfigured(engine.urlSource() + " is not set");
        }
        String breaker = breakers.find(engineId).map(b -> b.getState().name()).orElse("CLOSED");
        int status;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(engine.url() + engine.healthPath()))
                    .timeout(health.probeTimeout()).GET();
            // With its key, so a keyed engine's authenticated path (OpenAI's /v1/models) can be its health path.
            requests.authorization(engineId).ifPresent(bearer -> request.header("Authorization", bearer));
            status = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return ProbeResult.down("unreachable (" + e.getClass().getSimpleName() + "); breaker " + breaker,
                    engine.url() + engine.healthPath() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeResult.down("probe interrupted");
        }
        if (status >= 500) {
            return ProbeResult.down("answers HTTP " + status + " on " + engine.healthPath() + "; breaker " + breaker);
        }
        if ((status == 401 || status == 403) && engine.apiKeyEnv() != null) {
            // Every call would be refused the same way: not ready, and the operator is told which key to look at.
            return ProbeResult.down("answers HTTP " + status + " on " + engine.healthPath() + ": it refuses the key in "
                    + engine.apiKeyEnv() + (requests.hasKey(engineId) ? "" : " (not set)") + "; breaker " + breaker);
        }
        boolean open = breakers.find(engineId).map(CircuitBreaker::getState)
                .filter(s -> s == CircuitBreaker.State.OPEN || s == CircuitBreaker.State.FORCED_OPEN).isPresent();
        String detail = "answers HTTP " + status + " on " + engine.healthPath() + "; breaker " + breaker;
        return open ? ProbeResult.down(detail) : ProbeResult.up(detail);
    }
}
