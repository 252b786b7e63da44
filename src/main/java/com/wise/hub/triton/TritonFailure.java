package com.wise.hub.triton;

import com.wise.hub.problem.ProblemException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Why one call to one Triton target failed, and whether the next target should be tried.
 *
 * @param outcome  short tag for metrics and {@code X-Engine-Attempts}: {@code unreachable},
 *                 {@code timeout}, {@code circuit-open}, {@code saturated}, {@code error},
 *                 {@code rejected} (Triton refused the request: wrong model, bad tensor) or {@code contract}
 * @param message  what Triton (or the check) said, for the problem detail
 * @param failOver true when another target may well succeed
 * @param problem  the problem to answer with when the failure ends the request, else null
 */
public record TritonFailure(String outcome, String message, boolean failOver, ProblemException problem) {

    /** The target's breaker is open: it was skipped without a call. */
    public static TritonFailure breakerOpen() {
        return new TritonFailure("circuit-open", "circuit breaker open", true, null);
    }

    /** Classifies what the breaker caught. */
    public static TritonFailure of(Throwable caught) {
        for (Throwable t = caught; t != null; t = t.getCause()) {
            if (t instanceof CallNotPermittedException) {
                return breakerOpen();
            }
            if (t instanceof ProblemException problem) {
                return new TritonFailure("contract", problem.detail(), false, problem);
            }
            if (t instanceof StatusRuntimeException status) {
                return of(status.getStatus());
            }
        }
        String message = caught == null ? "unknown failure" : caught.getClass().getSimpleName();
        return new TritonFailure("error", message, true, null);
    }

    private static TritonFailure of(Status status) {
        String message = status.getDescription() == null ? status.getCode().name()
                : status.getCode().name() + ": " + status.getDescription();
        return switch (status.getCode()) {
            case UNAVAILABLE -> new TritonFailure("unreachable", message, true, null);
            case DEADLINE_EXCEEDED -> new TritonFailure("timeout", message, true, null);
            case RESOURCE_EXHAUSTED -> new TritonFailure("saturated", message, true, null);
            case INTERNAL, UNKNOWN, ABORTED, CANCELLED, DATA_LOSS -> new TritonFailure("error", message, true, null);
            default -> new TritonFailure("rejected", message, false, new ProblemException(502, "triton-rejected",
                    "Inference server rejected the request",
                    "Triton refused the pronunciation model call (" + message + "); check hub.triton.model and "
                            + "the model's configuration on the server."));
        };
    }

    /** True for failures that say the target is unhealthy, which the circuit breaker counts. */
    public static boolean countsAgainstTarget(Throwable caught) {
        TritonFailure failure = of(caught);
        return failure.failOver() && !failure.outcome().equals("circuit-open");
    }
}
