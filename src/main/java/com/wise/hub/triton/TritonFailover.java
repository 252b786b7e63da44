package com.wise.hub.triton;

import com.wise.hub.problem.ProblemException;
import com.wise.hub.web.RequestIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Walks the Triton targets in {@code INFERENCE_GPU_URL} order for the route
 * {@code pronunciation-infer}: one attempt per target until one answers. A target that is
 * unreachable, slow, overloaded or open-circuited passes the turn to the next; a refusal from
 * Triton (unknown model, bad tensor) or a contract mismatch ends the request with 502.
 */
@Component("tritonFailover")
public class TritonFailover {

    /** Exchange property the caller sets: the 16 kHz, normalised samples ({@code float[]}). */
    public static final String SAMPLES = "hubPronunciationSamples";
    /** Exchange property: the {@code ModelInferRequest} sent to every target. */
    public static final String REQUEST = "hubTritonRequest";
    /** Exchange property: the id of the target being tried, e.g. {@code triton-1}. */
    public static final String TARGET = "hubTritonTarget";
    private static final String NEXT = "hubTritonNext";
    private static final String ATTEMPTS = "hubTritonAttempts";

    private final TritonProperties properties;
    private final List<TritonTarget> targets;

    TritonFailover(TritonProperties properties) {
        this.properties = properties;
        this.targets = properties.targetList();
    }

    /** @throws ProblemException 503 {@code engine-not-configured} when INFERENCE_GPU_URL is unset */
    public void requireConfigured() {
        if (targets.isEmpty()) {
            throw ProblemException.engineNotConfigured("pronunciation (NVIDIA Triton)", "INFERENCE_GPU_URL");
        }
    }

    /** Encodes the samples once for every target and starts at the first target. */
    public void begin(Exchange exchange) {
        requireConfigured();
        float[] samples = exchange.getProperty(SAMPLES, float[].class);
        String requestId = exchange.getMessage().getHeader(RequestIds.HEADER, String.class);
        exchange.setProperty(REQUEST, InferRequestEncoder.encode(properties, samples, requestId));
        exchange.setProperty(NEXT, 0);
        exchange.setProperty(ATTEMPTS, new ArrayList<String>());
        exchange.removeProperty(TritonAttempt.ANSWER);
    }

    /** How many targets there are: the most attempts one request makes. */
    public int targetCount() {
        return targets.size();
    }

    /** Selects the next target: sets {@link #TARGET} and clears the last attempt's failure. */
    public void next(Exchange exchange) {
        exchange.removeProperty(TritonAttempt.FAILURE);
        int index = exchange.getProperty(NEXT, Integer.class);
        TritonTarget target = targets.get(index);
        exchange.setProperty(NEXT, index + 1);
        exchange.setProperty(TARGET, target.id());
    }

    /** Notes how the attempt went; a failure that no other target would fix ends the request. */
    public void afterAttempt(Exchange exchange) {
        String target = exchange.getProperty(TARGET, String.class);
        TritonFailure failure = exchange.getProperty(TritonAttempt.FAILURE, TritonFailure.class);
        attempts(exchange).add(target + ":" + (failure == null ? "ok" : failure.outcome()));
        if (failure != null && !failure.failOver()) {
            throw failure.problem().header("X-Engine-Attempts", String.join(",", attempts(exchange)));
        }
    }

    /**
     * Leaves the answering target's {@code ModelInferResponse} in the body, with {@code X-Engine}
     * and {@code X-Engine-Attempts}.
     *
     * @throws ProblemException 503 {@code triton-unavailable} when no target answered
     */
    public void finish(Exchange exchange) {
        List<String> attempts = attempts(exchange);
        Object answer = exchange.getProperty(TritonAttempt.ANSWER);
        if (answer == null) {
            throw ProblemException.serviceUnavailable("triton-unavailable", "Inference server unavailable",
                    "No Triton target could score the recording (" + String.join(", ", attempts)
                            + "); try again shortly.", retryAfter(attempts))
                    .header("X-Engine-Attempts", String.join(",", attempts))
                    .extension("attempts", attempts.stream().map(TritonFailover::asObject).toList());
        }
        exchange.getMessage().setBody(answer);
        exchange.getMessage().setHeader("X-Engine", exchange.getProperty(TARGET, String.class));
        exchange.getMessage().setHeader("X-Engine-Attempts", String.join(",", attempts));
    }

    /**
     * When to try again: when every target was skipped because its breaker is open, after the breaker's
     * open wait ({@code hub.triton.breaker.wait-in-open-state}), the earliest a trial call is let through;
     * when targets were tried and failed, in a second, as for HTTP engines that were busy.
     */
    private java.time.Duration retryAfter(List<String> attempts) {
        boolean allOpen = !attempts.isEmpty() && attempts.stream().allMatch(a -> a.endsWith(":circuit-open"));
        return allOpen ? properties.breaker().waitInOpenState() : java.time.Duration.ofSeconds(1);
    }

    /** {@code triton-1:timeout} as {@code {"engine":"triton-1","outcome":"timeout"}}, as the STT problems list attempts. */
    private static Map<String, String> asObject(String attempt) {
        int colon = attempt.indexOf(':');
        return Map.of("engine", attempt.substring(0, colon), "outcome", attempt.substring(colon + 1));
    }

    @SuppressWarnings("unchecked")
    private static List<String> attempts(Exchange exchange) {
        return exchange.getProperty(ATTEMPTS, List.class);
    }
}
