package com.wise.hub.engine;

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
    private final EngineProblems problems;

    EngineConfiguredCheck(EngineCatalog catalog, EngineProblems problems) {
        this.catalog = catalog;
        this.problems = problems;
    }

    /**
     * @param capability e.g. {@code pronunciation}
     * @throws ProblemException         503 {@code engine-not-configured} naming where to set a URL
     *                                  (for pronunciation: {@code INFERENCE_GPU_URL})
     * @throws IllegalArgumentException when no engine of that capability is declared (a route bug)
     */
    public void require(String capability) {
        List<EngineSettings> engines = catalog.all().stream().filter(e -> e.capability().equals(capability)).toList();
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("no engine of capability '" + capability + "' is declared");
        }
        if (engines.stream().noneMatch(EngineSettings::configured)) {
            throw problems.notConfigured(capability, engines);
        }
    }
}
