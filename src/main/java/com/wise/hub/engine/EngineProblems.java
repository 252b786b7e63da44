package com.wise.hub.engine;

import com.wise.hub.problem.ProblemException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The problem a client gets when no engine answered its request: the engine's own 4xx (400, 413, 415
 * or 422, with its sanitised message); 503 {@code engine-not-configured} when no engine has a URL;
 * 503 {@code engines-unavailable} with {@code Retry-After} when every engine was skipped as open or
 * saturated; 504 {@code engine-timeout} when every engine called timed out; 502
 * {@code engine-misconfigured} when an engine refused the hub itself (401, 403, 404, 405, a gRPC refusal,
 * another model contract); else 502
 * {@code engine-failed}. Each lists the engines and how each ended ({@code attempts}).
 */
@Component
class EngineProblems {

    private static final Set<Integer> PASSED_THROUGH = Set.of(400, 413, 415, 422);
    private static final Duration SATURATED_RETRY = Duration.ofSeconds(1);
    private static final Map<String, String> NAMES = Map.of("stt", "speech-to-text", "tts", "text-to-speech",
            "translation", "translation", "phonemes", "phonemizer", "visemes", "viseme", "llm", "LLM",
            "pronunciation", "pronunciation (NVIDIA Triton)");

    private final EngineCatalog catalog;

    EngineProblems(EngineCatalog catalog) {
        this.catalog = catalog;
    }

    ProblemException chainFailed(EngineAttempts chain) {
        String name = NAMES.getOrDefault(chain.capability(), chain.capability());
        List<EngineAttempts.Attempt> attempts = chain.attempts();
        List<EngineAttempts.Attempt> called = attempts.stream().filter(a -> !a.outcome().skipped()).toList();
        ProblemException problem;
        if (chain.rejection().isPresent()) {
            EngineAttempts.Rejection rejection = chain.rejection().get();
            int status = PASSED_THROUGH.contains(rejection.status()) ? rejection.status() : 400;
            problem = new ProblemException(status, "engine-rejected-request", "Rejected by the engine",
                    "The " + name + " engine " + rejection.engine() + " rejected the request: " + rejection.message());
        } else if (attempts.stream().allMatch(a -> a.outcome() == EngineOutcome.NOT_CONFIGURED)) {
            problem = notConfigured(chain.capability(), attempts.stream().map(a -> catalog.get(a.engine())).toList());
        } else if (called.isEmpty() && attempts.stream().anyMatch(a -> a.outcome() == EngineOutcome.CIRCUIT_OPEN
                || a.outcome() == EngineOutcome.SATURATED)) {
            problem = ProblemException.serviceUnavailable("engines-unavailable", "Engines unavailable",
                    "Every " + name + " engine is paused after failures or busy: " + list(attempts)
                            + ". Try again after Retry-After seconds.", retryAfter(attempts));
        } else if (called.stream().allMatch(a -> a.outcome() == EngineOutcome.TIMEOUT)) {
            problem = new ProblemException(504, "engine-timeout", "Engine timeout",
                    "No " + name + " engine answered in time: " + list(attempts) + ".");
        } else if (called.stream().anyMatch(a -> a.outcome() == EngineOutcome.MISCONFIGURED)) {
            problem = new ProblemException(502, "engine-misconfigured", "Engine misconfigured",
                    "The " + name + " engines refused this hub's own requests (its key, URL or model is wrong): "
                            + list(attempts) + ". This is not the request's fault; the operators are alerted. "
                            + "Try again later.");
        } else {
            problem = new ProblemException(502, "engine-failed", "Engines failed",
                    "Every " + name + " engine failed: " + list(attempts) + ".");
        }
        return problem.header("X-Engine-Attempts", chain.summary()).extension("attempts", attempts.stream()
                .map(a -> {
                    Map<String, String> entry = new LinkedHashMap<>();
                    entry.put("engine", a.engine());
                    entry.put("outcome", a.outcome().label());
                    return entry;
                }).toList());
    }

    /** 503 {@code engine-not-configured} for a capability whose engines have no URL, naming where to set one. */
    ProblemException notConfigured(String capability, List<EngineSettings> engines) {
        return ProblemException.engineNotConfigured(NAMES.getOrDefault(capability, capability), engines.stream()
                .map(EngineSettings::urlSource).distinct().collect(Collectors.joining(" or ")));
    }

    /** The soonest moment a skipped engine may take calls again: its breaker's open wait, or 1 s when saturated. */
    private Duration retryAfter(List<EngineAttempts.Attempt> attempts) {
        return attempts.stream()
                .map(a -> switch (a.outcome()) {
                    case CIRCUIT_OPEN -> catalog.get(a.engine()).breaker().waitDurationInOpenState();
                    case SATURATED -> SATURATED_RETRY;
                    default -> null;
                })
                .filter(d -> d != null).min(Duration::compareTo).orElse(SATURATED_RETRY);
    }

    private static String list(List<EngineAttempts.Attempt> attempts) {
        return attempts.stream().map(a -> a.engine() + " (" + a.outcome().label() + ")")
                .collect(Collectors.joining(", "));
    }
}
