package com.wise.hub.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.hub.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Reads a JSON request body for a route, turning every way it can be wrong into the 4xx a client
 * developer can act on: not JSON content type (415), empty (400), malformed (400), not an object (400).
 */
@Component("jsonRequest")
public class JsonRequestReader {

    private final ObjectMapper json;

    JsonRequestReader(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @return the body as a JSON object; also stored as the new message body
     * @throws ProblemException 415 when Content-Type is not application/json, 400 when the body is
     *                          empty, not valid JSON, or not a JSON object
     */
    public JsonNode read(Exchange exchange) {
        String contentType = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType == null || !isJson(contentType)) {
            throw ProblemException.unsupportedMediaType("Send the request body as JSON with Content-Type: "
                    + "application/json (got " + (contentType == null ? "no Content-Type" : contentType) + ").");
        }
        JsonNode node;
        try (InputStream body = exchange.getMessage().getBody(InputStream.class)) {
            if (body == null) {
                throw emptyBody();
            }
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("malformed-json",
                    "The request body is not valid JSON: " + e.getOriginalMessage()
                            + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")" : "") + ".");
        } catch (IOException e) {
            throw ProblemException.badRequest("malformed-body", "The request body could not be read.");
        }
        if (node == null || node.isMissingNode()) {
            throw emptyBody();
        }
        if (!node.isObject()) {
            throw ProblemException.badRequest("malformed-json", "The request body must be a JSON object.");
        }
        exchange.getMessage().setBody(node);
        return node;
    }

    private static boolean isJson(String contentType) {
        String mime = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return mime.equals("application/json") || mime.endsWith("+json");
    }

    private static ProblemException emptyBody() {
        return ProblemException.badRequest("empty-body", "The request body is empty; send a JSON object.");
    }
}
