package com.wise.hub.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.processor.ThrottlerRejectedExecutionException;
import org.springframework.stereotype.Component;

/** Decides which problem a caught exception is; anything not recognised is a 500 without details. */
@Component
class ProblemClassifier {

    ProblemException classify(Throwable caught) {
        for (Throwable t = caught; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem;
            }
            if (t instanceof JsonProcessingException json) {
                return ProblemException.badRequest("malformed-json",
                        "The request body is not valid JSON: " + json.getOriginalMessage());
            }
            if (t instanceof InvalidPayloadException) {
                return ProblemException.badRequest("malformed-body", "The request body is missing or unreadable.");
            }
            if (t instanceof ThrottlerRejectedExecutionException) {
                return new ProblemException(503, "saturated", "Hub saturated",
                        "Too many requests are in flight on this hub; try again shortly.")
                        .retryAfter(java.time.Duration.ofSeconds(1));
            }
        }
        return new ProblemException(500, "internal-error", "Internal error",
                "The hub failed unexpectedly; the request id identifies it in the logs.");
    }
}
