package com.wise.hub.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Writes a problem straight to a servlet response, for requests that never reach a route. */
@Component
public class ProblemWriter {

    private final ProblemResponder responder;

    ProblemWriter(ProblemResponder responder) {
        this.responder = responder;
    }

    public void write(HttpServletResponse response, ProblemException problem, String requestId) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.status());
        response.setContentType(ProblemResponder.PROBLEM_JSON);
        problem.headers().forEach(response::setHeader);
        byte[] body = responder.body(problem, requestId);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
