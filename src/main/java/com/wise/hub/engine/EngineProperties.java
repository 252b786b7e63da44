package com.wise.hub.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.wise.hub.config.ConfigurationKeys;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The AI engines the hub calls ({@code hub.engines.*}), by id, each with its URL, timeouts, in-flight cap
 * and breaker settings. Anything an engine leaves unset comes from {@code hub.engines.defaults}. Any name
 * under {@code hub.engines} other than {@code defaults} is an engine id, so an engine is configuration
 * only, and capabilities ({@code hub.capabilities.<name>.engines}) list the ids they call. Binding fails
 * (and the hub does not start) with a message naming the property, and the environment variable when
 * there is one, for a malformed URL, a timeout that is not positive or an out-of-range number.
 *
 * @param defaults values for every engine that does not set its own
 * @param engines  engine id → engine, in declaration order
 */
public record EngineProperties(Defaults defaults, Map<String, Engine> engines) {

    public EngineProperties {
        engines = Collections.unmodifiableMap(new LinkedHashMap<>(engines));
        resolve(defaults, engines);
    }

    /** Binds {@code hub.engines} from {@code environment}: the defaults, then every engine id under it. */
    public static EngineProperties bind(Environment environment) {
        Binder binder = Binder.get(environment);
        Defaults defaults = binder.bindOrCreate("hub.engines.defaults", Defaults.class);
        Map<String, Engine> engines = new LinkedHashMap<>();
        for (String id : ConfigurationKeys.childrenOf(environment, "hub.engines")) {
            if (!id.equals("defaults")) {
                EngineSettings.requireId(id);
                engines.put(id, binder.bind("hub.engines." + id, Engine.class).orElse(null));
            }
        }
        return new EngineProperties(defaults, engines);
    }

    /** Every declared engine, resolved against the defaults, in declaration order. */
    public List<EngineSettings> settings() {
        return resolve(defaults, engines);
    }

    private static List<EngineSettings> resolve(Defaults defaults, Map<String, Engine> engines) {
        List<EngineSettings> all = new ArrayList<>();
        engines.forEach((id, engine) -> all.add(EngineSettings.resolve(id, engine, defaults)));
        return all;
    }

    /**
     * What every engine gets unless it sets its own value.
     *
     * @param connectTimeout  longest wait for a TCP connection to an engine; default 2 s
     * @param responseTimeout longest wait for an engine's answer (silence on the socket); default 30 s
     * @param maxInFlight     most concurrent calls to one engine from one replica (the Throttle EIP cap,
     *                        and the size of the engine's connection pool); over it the call is skipped
     *                        as {@code saturated}; default 64
     * @param deadline        time budget of a whole failover chain when the capability declares none
     *                        ({@code hub.capabilities.<name>.deadline}); default 60 s
     * @param healthPath      path probed by {@code GET} for {@code /health/ready}; default {@code /health}
     * @param breaker         circuit-breaker settings
     */
    public record Defaults(
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("30s") Duration responseTimeout,
            @DefaultValue("64") int maxInFlight,
            @DefaultValue("60s") Duration deadline,
            @DefaultValue("/health") String healthPath,
            @DefaultValue BreakerSettings breaker) {

        public Defaults {
            EngineSettings.requirePositive("hub.engines.defaults.connect-timeout", connectTimeout);
            EngineSettings.requirePositive("hub.engines.defaults.response-timeout", responseTimeout);
            EngineSettings.requireAtLeast("hub.engines.defaults.max-in-flight", maxInFlight, 1);
            EngineSettings.requirePositive("hub.engines.defaults.deadline", deadline);
            EngineSettings.requirePath("hub.engines.defaults.health-path", healthPath);
            breaker.validate("hub.engines.defaults.breaker");
        }
    }

    /**
     * One engine. Everything but {@code url} is optional and falls back to {@code hub.engines.defaults}.
     *
     * @param url             base URL, {@code http://host:port[/prefix]}; blank = not configured (the hub
     *                        starts, and requests that need only this engine get 503 engine-not-configured)
     * @param urlEnv          the environment variable the URL comes from, named in error messages
     * @param connectTimeout  see {@link Defaults#connectTimeout()}
     * @param responseTimeout see {@link Defaults#responseTimeout()}
     * @param maxInFlight     see {@link Defaults#maxInFlight()}
     * @param healthPath      see {@link Defaults#healthPath()}
     * @param breaker         per-engine breaker overrides
     * @param apiKeyEnv       environment variable whose value the hub sends to this engine as
     *                        {@code Authorization: Bearer <key>} (an OpenAI-compatible engine that wants a key);
     *                        unset = no Authorization header. The client's credentials never reach an engine
     */
    public record Engine(
            String url,
            String urlEnv,
            Duration connectTimeout,
            Duration responseTimeout,
            Integer maxInFlight,
            String healthPath,
            Breaker breaker,
            String apiKeyEnv) {
    }

    /** Per-engine overrides of {@link BreakerSettings}; unset values come from the defaults. */
    public record Breaker(
            Float failureRateThreshold,
            Integer minimumNumberOfCalls,
            Integer slidingWindowSize,
            Duration waitDurationInOpenState,
            Integer permittedNumberOfCallsInHalfOpenState) {
    }
}
