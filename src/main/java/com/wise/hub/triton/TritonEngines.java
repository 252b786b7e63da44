package com.wise.hub.triton;

import com.wise.hub.engine.BreakerSettings;
import com.wise.hub.engine.EngineSettings;
import com.wise.hub.engine.EngineSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The Triton targets of {@code INFERENCE_GPU_URL} as engines of the capability {@value #CAPABILITY},
 * in the one engine catalog: {@code triton-1}, {@code triton-2}, ... with URL {@code grpc://host:port},
 * each call bounded by {@code hub.triton.deadline}, at most {@code hub.triton.max-in-flight} calls at
 * once and a breaker with the settings of {@code hub.triton.breaker}. So failover, breakers, problems,
 * Retry-After and metrics are the engines' own. Without a target, one engine {@code triton} without a
 * URL, so a request gets 503 {@code engine-not-configured} naming {@value #URL_ENV}.
 */
@Component
class TritonEngines implements EngineSource {

    /** The capability the Triton targets serve. */
    static final String CAPABILITY = "pronunciation";
    static final String URL_ENV = "INFERENCE_GPU_URL";
    /** The id of the one unconfigured engine when no target is set; also its readiness entry. */
    static final String UNCONFIGURED_ID = "triton";

    private final List<EngineSettings> engines;

    TritonEngines(TritonProperties properties) {
        BreakerSettings breaker = properties.breaker().settings();
        List<TritonTarget> targets = properties.targetList();
        if (targets.isEmpty()) {
            engines = List.of(new EngineSettings(UNCONFIGURED_ID, null, URL_ENV, properties.deadline(),
                    properties.deadline(), properties.maxInFlight(), null, breaker, null));
        } else {
            engines = targets.stream().map(target -> new EngineSettings(target.id(), url(target), URL_ENV,
                    properties.deadline(), properties.deadline(), properties.maxInFlight(), null, breaker, null)).toList();
        }
    }

    @Override
    public String capability() {
        return CAPABILITY;
    }

    @Override
    public List<EngineSettings> engines() {
        return engines;
    }

    private static URI url(TritonTarget target) {
        try {
            return new URI("grpc", null, target.host(), target.port(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(URL_ENV + ": '" + target.address() + "' is not a host and port", e);
        }
    }
}
