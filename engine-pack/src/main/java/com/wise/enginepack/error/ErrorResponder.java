package com.wise.enginepack.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Renders whatever a route threw as an error response in the shape its endpoint's clients
 * expect, chosen by the exchange property {@value #STYLE} the route sets: {@code openai}
 * ({@code {"error":{"message","type","code"}}}), {@code libretranslate} ({@code {"error":"..."}}),
 * {@code languagetool} (text: {@code Error: ...})
 * or, for our own contracts, {@code problem} ({@code application/problem+json}).
 */
@Component("errorResponder")
class ErrorResponder {

    static final String STYLE = "packErrorStyle";

    private static final Logger log = LoggerFactory.getLogger(ErrorResponder.class);

    private final ObjectMapper json;
    private final ProblemClassifier classifier;

    ErrorResponder(ObjectMapper json, ProblemClassifier classifier) {
        this.json = json;
        this.classifier = classifier;
    }

    /** Replaces the exchange's message with the error response for the caught exception. */
    public void respond(Exchange exchange) throws JsonProcessingException {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        EngineProblem problem = classifier.classify(caught);
        if (problem.status() >= 500) {
            log.warn("Route {} failed: {}", exchange.getFromRouteId(), problem.getMessage(),
                    caught instanceof EngineProblem ? null : caught);
        }
        String style = exchange.getProperty(STYLE, "problem", String.class);
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        problem.retryAfter().ifPresent(after -> out.setHeader("Retry-After", String.valueOf(after.toSeconds())));
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, problem.status());
        if ("languagetool".equals(style)) {
            // LanguageTool's server answers its errors as plain text
            out.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
            out.setBody(("Error: " + problem.getMessage()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        out.setHeader(Exchange.CONTENT_TYPE, "problem".equals(style) ? "application/problem+json" : "application/json");
        out.setBody(json.writeValueAsBytes(document(style, problem)));
    }

    private static Object document(String style, EngineProblem problem) {
        return switch (style) {
            case "openai" -> Map.of("error", openAiError(problem));
            case "libretranslate" -> Map.of("error", problem.getMessage());
            default -> problemDocument(problem);
        };
    }

    private static Map<String, Object> openAiError(EngineProblem problem) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", problem.getMessage());
        error.put("type", problem.status() < 500 ? "invalid_request_error" : "server_error");
        error.put("param", null);
        error.put("code", problem.code());
        return error;
    }

    private static Map<String, Object> problemDocument(EngineProblem problem) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", "urn:wise:engine-pack:" + problem.code());
        doc.put("title", problem.code().replace('_', ' '));
        doc.put("status", problem.status());
        doc.put("detail", problem.getMessage());
        return doc;
    }
}
