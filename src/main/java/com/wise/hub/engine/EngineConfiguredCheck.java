package com.wise.hub.engine;

import com.wise.hub.capability.Capabilities;
import com.wise.hub.problem.ProblemException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Ends a request before its input is read when none of its capability's engines has a URL: the
 * 503 {@code engine-not-configured} that {@code direct:engine-failover} would give anyway, only
 * without decoding a recording or asking other engines first (pronunciation asks the phonemizer
 * before Triton).
 */
@Component("engineConfiguredCheck")
public class EngineConfiguredCheck {

    private final EngineCatalog catalog;
    private final Capabilities capabilities;
    private final EngineProblems problems;

    EngineConfiguredCheck(EngineCatalog catalog, Capabilities capabilities, EngineProblems problems) {
        this.catalog = catalog;
        this.capabilities = capabilities;
        this.problems = problems;
    }

    /**
     * @param capability e.g. {@code pronunciation}
     * @throws ProblemException         503 {@code engine-not-configured} naming where to set a URL
     *                                  (for pronunciation: {@code INFERENCE_GPU_URL})
     * @throws IllegalArgumentException when the capability is not declared or has no engines (a route bug)
     */
    public void require(String capability) {
        List<EngineSettings> engines = capabilities.get(capability).engines().stream().map(catalog::get).toList();
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("hub.capabilities." + capability + " has no engines");
        }
        if (engines.stream().noneMatch(EngineSettings::configured)) {
            throw problems.notConfigured(capability, engines);
        }
    }
}
