package com.wise.hub.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.hub.engine.EngineEventStream;
import com.wise.hub.engine.EventStreamWaits;
import com.wise.hub.web.RequestIds;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.ExchangeHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Renders the exception a route caught as an {@code application/problem+json} response: the
 * only place, with {@link ProblemAdvice} for requests Camel never saw, that writes error bodies.
 */
@Component("problemResponder")
public class ProblemResponder {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger log = LoggerFactory.getLogger(ProblemResponder.class);

    private final ObjectMapper json;
    private final ProblemClassifier classifier;

    public ProblemResponder(ObjectMapper json, ProblemClassifier classifier) {
        this.json = json;
        this.classifier = classifier;
    }

    /** Replaces the exchange's message with the problem for the caught exception. */
    public void respond(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ProblemException problem = classifier.classify(caught);
        if (problem.status() >= 500 && !(caught instanceof ProblemException)) {
            log.error("Unexpected failure in route {}", ExchangeHelper.getAtRouteId(exchange), caught);
        }
        String requestId = exchange.getMessage().getHeader(RequestIds.HEADER, String.class);
        Message out = exchange.getMessage();
        out.removeHeaders("*", RequestIds.HEADER, "X-Engine", "X-Cache", "X-RateLimit-*", "X-Hub-*");
        problem.headers().forEach(out::setHeader);
        // Kept even when it cannot be sent (below): the token settlement and the metrics read it.
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, problem.status());
        EventStreamWaits.Wait wait = EventStreamWaits.of(exchange);
        if (wait != null && wait.handOver()) {
            // The stream was begun while failover went on: its status is sent, so the problem is its last event.
            out.setHeader(Exchange.CONTENT_TYPE, "text/event-stream;charset=utf-8");
            out.setBody(errorEvent(problem));
            return;
        }
        out.setHeader(Exchange.CONTENT_TYPE, PROBLEM_JSON);
        out.setBody(body(problem, requestId));
    }

    /** The end of a begun event stream that failed before its first event: the problem's OpenAI error object. */
    private byte[] errorEvent(ProblemException problem) {
        try {
            return EngineEventStream.errorEnd(json.writeValueAsString(Map.of("error", OpenAiError.of(problem))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error event", e);
        }
    }

    /**
     * The problem document, as bytes: the RFC 9457 members, the request id, the problem's extensions
     * and the OpenAI-style {@code error} member ({@link OpenAiError}); shared with {@link ProblemAdvice}.
     */
    public byte[] body(ProblemException problem, String requestId) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", problem.type());
        doc.put("title", problem.title());
        doc.put("status", problem.status());
        doc.put("detail", problem.detail());
        if (requestId != null) {
            doc.put("requestId", requestId);
        }
        doc.putAll(problem.extensions());
        doc.put("error", OpenAiError.of(problem));
        try {
            return json.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem document", e);
        }
    }
}
