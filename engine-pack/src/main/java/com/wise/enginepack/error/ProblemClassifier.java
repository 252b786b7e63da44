package com.wise.enginepack.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.RuntimeCamelException;
import org.springframework.stereotype.Component;

/** Says which {@link EngineProblem} an exception a route threw amounts to. */
@Component
class ProblemClassifier {

    /** The problem itself, 400 for unreadable JSON, else 500 without internals. */
    EngineProblem classify(Throwable caught) {
        Throwable cause = unwrap(caught);
        if (cause instanceof EngineProblem problem) {
            return problem;
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return EngineProblem.badRequest("field '" + mismatch.getPath().get(0).getFieldName()
                    + "' has the wrong type");
        }
        if (cause instanceof JsonProcessingException json) {
            return EngineProblem.badRequest("the body is not valid JSON: " + json.getOriginalMessage());
        }
        if (cause instanceof InvalidPayloadException) {
            return EngineProblem.badRequest("the request has no body");
        }
        return EngineProblem.failed("internal error in the engine pack");
    }

    private static Throwable unwrap(Throwable caught) {
        Throwable current = caught;
        while ((current instanceof CamelExecutionException || current instanceof RuntimeCamelException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
