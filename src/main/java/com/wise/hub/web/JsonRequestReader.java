package com.wise.hub.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.hub.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Reads a JSON request body for a route, turning every way it can be wrong into the 4xx a client
 * developer can act on: not JSON content type (415), empty (400), malformed or with a duplicated
 * member (400), nested deeper, longer or with more tokens than {@code hub.json.*} allows (400
 * {@code json-too-complex}, found while parsing, before the tree is built), not an object (400).
 */
@Component("jsonRequest")
public class JsonRequestReader {

    private final ObjectMapper json;

    private final JsonLimits limits;

    JsonRequestReader(ObjectMapper json, JsonLimits limits) {
        this.limits = limits;
        this.json = json.copy().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxDepth())
                .maxTokenCount(limits.maxTokens())
                .maxStringLength(limits.maxStringLength())
                .maxNameLength(1000)
                .maxNumberLength(100)
                .build());
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
        } catch (StreamConstraintsException e) {
            throw ProblemException.badRequest("json-too-complex", "The JSON body is beyond what this hub reads: "
                    + exceeded(e) + ".");
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

    /** Which bound the body broke, in the client's terms. */
    private String exceeded(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage()).toLowerCase(java.util.Locale.ROOT);
        if (message.contains("nesting")) {
            return "it is nested more than " + limits.maxDepth() + " levels deep (hub.json.max-depth)";
        }
        if (message.contains("token")) {
            return "it has more than " + limits.maxTokens() + " tokens (hub.json.max-tokens)";
        }
        if (message.contains("string")) {
            return "a string is longer than " + limits.maxStringLength() + " characters (hub.json.max-string-length)";
        }
        return "a member name or a number is too long";
    }

    private static boolean isJson(String contentType) {
        String mime = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return mime.equals("application/json") || mime.endsWith("+json");
    }

    private static ProblemException emptyBody() {
        return ProblemException.badRequest("empty-body", "The request body is empty; send a JSON object.");
    }
}
