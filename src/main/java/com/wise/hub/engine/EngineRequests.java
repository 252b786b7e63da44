package com.wise.hub.engine;

import com.wise.hub.request.RequestContext;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The last touch on a request before it goes to one engine (routes/shared/engine-call.yaml, after the client's
 * headers are gone): the engine's own body when the capability made one per engine (chat names each engine's model
 * in it), and the engine's API key as its bearer token ({@code hub.engines.<id>.api-key-env}). The keys are read
 * once, at start-up, from the environment; they are never logged.
 */
@Component("engineRequest")
public class EngineRequests {

    private final Map<String, String> keys = new HashMap<>();

    EngineRequests(EngineCatalog catalog, Environment environment) {
        for (EngineSettings engine : catalog.all()) {
            if (engine.apiKeyEnv() != null) {
                String key = environment.getProperty(engine.apiKeyEnv());
                if (key != null && !key.isBlank()) {
                    keys.put(engine.id(), key.strip());
                }
            }
        }
    }

    /**
     * @throws IllegalStateException when the capability made bodies per engine but none for {@code engineId}
     */
    public void prepare(String engineId, Exchange exchange) {
        Message message = exchange.getMessage();
        @SuppressWarnings("unchecked")
        Map<String, byte[]> bodies = exchange.getProperty(RequestContext.ENGINE_BODIES, Map.class);
        if (bodies != null) {
            byte[] body = bodies.get(engineId);
            if (body == null) {
                throw new IllegalStateException(RequestContext.ENGINE_BODIES + " has no request for " + engineId);
            }
            message.setBody(body);
        }
        authorization(engineId).ifPresent(bearer -> message.setHeader("Authorization", bearer));
    }

    /** The engine's {@code Authorization} header value, for its readiness probe too; empty without a key. */
    java.util.Optional<String> authorization(String engineId) {
        return java.util.Optional.ofNullable(keys.get(engineId)).map(key -> "Bearer " + key);
    }

    /** True when {@code engineId} has an API key (for the documentation of a deployment, never the key). */
    public boolean hasKey(String engineId) {
        return keys.containsKey(engineId);
    }
}
