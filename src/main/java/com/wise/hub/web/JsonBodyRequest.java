package com.wise.hub.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.hub.cache.CanonicalRequest;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The request bean of a capability that needs no checks of its own beyond the JSON bounds
 * ({@code hub.json.*}): after {@code jsonRequest.read}, it names the request by all its members (in
 * the canonical form, so member order does not matter), for the cache
 * and for idempotency, and sends the engine the same JSON. A capability declared in configuration
 * and a route file alone uses it as the pipeline's {@code request}.
 */
@Component("jsonBody")
public class JsonBodyRequest {

    private final ObjectMapper json;

    JsonBodyRequest(ObjectMapper json) {
        this.json = json;
    }

    public void read(Exchange exchange) throws JsonProcessingException {
        JsonNode body = exchange.getMessage().getBody(JsonNode.class);
        if (body == null || !body.isObject()) {
            throw new IllegalStateException("jsonBody.read needs a JSON object (jsonRequest.read first)");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = json.convertValue(body, Map.class);
        CanonicalRequest.describe(exchange, fields);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(json.writeValueAsBytes(body));
    }
}
