package com.wise.hub.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wise.hub.cache.CanonicalRequest;
import com.wise.hub.engine.EventStreamOptions;
import com.wise.hub.problem.ProblemException;
import com.wise.hub.ratelimit.TokenQuota;
import com.wise.hub.request.RequestContext;
import com.wise.hub.web.JsonFields;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Checks an OpenAI chat completion request (the JSON body {@code jsonRequest} read) before any engine is called,
 * and builds each engine's request from the checked fields only: the engine's model name for the alias, the
 * messages with their text, the sampling options, and always a {@code max_tokens} (so the token reservation is a
 * true maximum). A stream asks the engine for its usage ({@code stream_options.include_usage}); the client sees the
 * usage chunk only if it asked. Nothing else the client sent reaches an engine.
 */
@Component("chatRequest")
public class ChatRequestReader {

    /** Exchange property holding the checked {@link ChatRequest}. */
    public static final String CHAT = "hubChat";
    /** Tokens a chat template may add per message (role markers, separators), and once per request. */
    static final int TOKENS_PER_MESSAGE = 8;
    static final int TOKENS_PER_REQUEST = 64;

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant");
    private static final Set<String> FIELDS = Set.of("model", "messages", "temperature", "top_p", "max_tokens",
            "max_completion_tokens", "stop", "stream", "stream_options", "response_format", "user", "n", "seed",
            "presence_penalty", "frequency_penalty");
    private static final int MAX_STOP = 4;
    private static final int MAX_STOP_LENGTH = 256;
    private static final int MAX_USER_LENGTH = 256;

    private final ChatProperties properties;
    private final ChatModels models;
    private final ChatStreams streams;
    private final ObjectMapper json;

    ChatRequestReader(ChatProperties properties, ChatModels models, ChatStreams streams, ObjectMapper json) {
        this.properties = properties;
        this.models = models;
        this.streams = streams;
        this.json = json;
    }

    /**
     * @throws ProblemException 400 naming the field: {@code invalid-model}, {@code invalid-messages},
     *     {@code invalid-temperature}, {@code invalid-max-tokens}, {@code unsupported-parameter}, ...
     */
    public ChatRequest read(Exchange exchange) throws JsonProcessingException {
        JsonNode body = exchange.getMessage().getBody(JsonNode.class);
        body.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw ProblemException.badRequest("unsupported-parameter", "'" + clip(field) + "' is not supported by "
                        + "this hub's chat completions; supported: " + String.join(", ", new java.util.TreeSet<>(FIELDS)) + ".");
            }
        });
        String alias = models.resolve(JsonFields.text(body, "model"));
        ArrayNode messages = messages(body);
        long promptBound = TOKENS_PER_REQUEST;
        for (JsonNode message : messages) {
            promptBound += TOKENS_PER_MESSAGE + utf8(message.path("content").asText()) + utf8(message.path("name").asText(""));
        }
        Double temperature = range(body, "temperature", 0, 2);
        Double topP = range(body, "top_p", 0, 1);
        Double presence = range(body, "presence_penalty", -2, 2);
        Double frequency = range(body, "frequency_penalty", -2, 2);
        int maxTokens = maxTokens(body);
        JsonNode n = body.get("n");
        if (n != null && !n.isNull() && !(n.isIntegralNumber() && n.asInt() == 1)) {
            throw JsonFields.invalid("n", "'n' must be 1: this hub returns one choice per request.");
        }
        JsonNode seed = body.get("seed");
        if (seed != null && !seed.isNull() && !seed.isIntegralNumber()) {
            throw JsonFields.invalid("seed", "'seed' must be an integer.");
        }
        boolean stream = bool(body, "stream");
        boolean includeUsage = streamOptions(body, stream);
        JsonNode stop = stop(body);
        JsonNode responseFormat = responseFormat(body);
        JsonFields.text(body, "user").filter(u -> u.length() > MAX_USER_LENGTH).ifPresent(u -> {
            throw JsonFields.invalid("user", "'user' is at most " + MAX_USER_LENGTH + " characters.");
        });

        ChatRequest request = new ChatRequest(alias, stream, includeUsage, maxTokens, promptBound);
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        List<String> chain = new ArrayList<>();
        for (ChatProperties.ModelTarget target : models.targets(alias)) {
            ObjectNode engine = json.createObjectNode();
            engine.put("model", target.model());
            engine.set("messages", messages);
            putIfPresent(engine, "temperature", temperature);
            putIfPresent(engine, "top_p", topP);
            putIfPresent(engine, "presence_penalty", presence);
            putIfPresent(engine, "frequency_penalty", frequency);
            engine.put(target.maxTokensField(), maxTokens);
            if (seed != null && !seed.isNull()) {
                engine.set("seed", seed);
            }
            if (stop != null) {
                engine.set("stop", stop);
            }
            if (responseFormat != null) {
                engine.set("response_format", responseFormat);
            }
            if (stream) {
                engine.put("stream", true);
                engine.putObject("stream_options").put("include_usage", true);
            }
            bodies.put(target.engine(), json.writeValueAsBytes(engine));
            chain.add(target.engine());
        }
        exchange.setProperty(CHAT, request);
        exchange.setProperty(RequestContext.MODEL, alias);
        exchange.setProperty(RequestContext.ENGINE_CHAIN, List.copyOf(chain));
        exchange.setProperty(RequestContext.ENGINE_BODIES, bodies);
        exchange.setProperty(TokenQuota.TOKEN_BOUND, request.tokenBound());
        exchange.getMessage().setBody(bodies.get(chain.get(0)));
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (stream) {
            exchange.setProperty(RequestContext.EVENT_STREAM, new EventStreamOptions(properties.firstTokenTimeout(),
                    properties.idleTimeout(), properties.maxStreamDuration(), properties.heartbeat(),
                    properties.commitAfter(), streams.observers(exchange, request)));
        }
        // Only a non-streamed answer at temperature 0 is the same every time: the one a cache-ttl may keep.
        exchange.setProperty(RequestContext.NOT_CACHEABLE, stream || temperature == null || temperature != 0);
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("model", alias);
        canonical.put("request", new String(bodies.get(chain.get(0)), StandardCharsets.UTF_8));
        CanonicalRequest.describe(exchange, canonical);
        return request;
    }

    private ArrayNode messages(JsonNode body) {
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw JsonFields.invalid("messages", "'messages' is required: an array of 1 to " + properties.maxMessages()
                    + " messages, each {\"role\": \"user\", \"content\": \"...\"}.");
        }
        if (messages.size() > properties.maxMessages()) {
            throw JsonFields.invalid("messages", "'messages' has " + messages.size() + " messages; at most "
                    + properties.maxMessages() + " are allowed.");
        }
        ArrayNode checked = json.createArrayNode();
        long characters = 0;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String at = "messages[" + i + "]";
            if (!message.isObject()) {
                throw JsonFields.invalid("messages", at + " must be an object with role and content.");
            }
            message.fieldNames().forEachRemaining(field -> {
                if (!field.equals("role") && !field.equals("content") && !field.equals("name")) {
                    throw ProblemException.badRequest("unsupported-parameter", at + "." + clip(field) + " is not "
                            + "supported: a message has role, content and optionally name (no tools or audio).");
                }
            });
            String role = message.path("role").isTextual() ? message.get("role").asText() : null;
            if (role == null || !ROLES.contains(role)) {
                throw JsonFields.invalid("messages", at + ".role must be one of system, developer, user, assistant"
                        + (role == null ? "." : "; was '" + clip(role) + "'."));
            }
            String content = content(message.get("content"), at);
            if (content.isBlank()) {
                throw JsonFields.invalid("messages", at + ".content is empty; every message needs text.");
            }
            characters += content.codePointCount(0, content.length());
            if (characters > properties.maxInputLength()) {
                throw JsonFields.invalid("messages", "The messages have more than " + properties.maxInputLength()
                        + " characters together; shorten the conversation.");
            }
            ObjectNode copy = checked.addObject();
            copy.put("role", role);
            copy.put("content", content);
            JsonNode name = message.get("name");
            if (name != null && !name.isNull()) {
                if (!name.isTextual() || name.asText().length() > 64) {
                    throw JsonFields.invalid("messages", at + ".name must be a string of at most 64 characters.");
                }
                copy.put("name", name.asText());
            }
        }
        return checked;
    }

    /** A string, or text content parts joined by newlines. */
    private static String content(JsonNode content, String at) {
        if (content != null && content.isTextual()) {
            return content.asText();
        }
        if (content == null || !content.isArray() || content.isEmpty()) {
            throw JsonFields.invalid("messages", at + ".content must be a string or an array of "
                    + "{\"type\": \"text\", \"text\": \"...\"} parts.");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (!part.isObject() || !"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
                throw JsonFields.invalid("messages", at + ".content parts must be {\"type\": \"text\", \"text\": "
                        + "\"...\"}; images, audio and files are not supported.");
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(part.get("text").asText());
        }
        return text.toString();
    }

    private int maxTokens(JsonNode body) {
        String field = body.hasNonNull("max_completion_tokens") ? "max_completion_tokens" : "max_tokens";
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return properties.defaultMaxTokens();
        }
        if (!value.isIntegralNumber() || value.asLong() < 1 || value.asLong() > properties.maxTokens()) {
            throw ProblemException.badRequest("invalid-max-tokens", "'" + field + "' must be an integer from 1 to "
                    + properties.maxTokens() + ".");
        }
        return value.asInt();
    }

    private static boolean bool(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw JsonFields.invalid(field, "'" + field + "' must be true or false.");
        }
        return value.asBoolean();
    }

    private static boolean streamOptions(JsonNode body, boolean stream) {
        JsonNode options = body.get("stream_options");
        if (options == null || options.isNull()) {
            return false;
        }
        if (!stream) {
            throw JsonFields.invalid("stream_options", "'stream_options' is only allowed with \"stream\": true.");
        }
        if (!options.isObject()) {
            throw JsonFields.invalid("stream_options", "'stream_options' must be an object such as {\"include_usage\": true}.");
        }
        return bool(options, "include_usage");
    }

    private static JsonNode stop(JsonNode body) {
        JsonNode stop = body.get("stop");
        if (stop == null || stop.isNull()) {
            return null;
        }
        if (stop.isTextual() && stop.asText().length() <= MAX_STOP_LENGTH) {
            return stop;
        }
        boolean ok = stop.isArray() && stop.size() <= MAX_STOP;
        for (JsonNode s : stop) {
            ok &= s.isTextual() && s.asText().length() <= MAX_STOP_LENGTH;
        }
        if (!ok) {
            throw JsonFields.invalid("stop", "'stop' must be a string or up to " + MAX_STOP + " strings of at most "
                    + MAX_STOP_LENGTH + " characters.");
        }
        return stop;
    }

    private static JsonNode responseFormat(JsonNode body) {
        JsonNode format = body.get("response_format");
        if (format == null || format.isNull()) {
            return null;
        }
        String type = format.path("type").asText("");
        if (!format.isObject() || !Set.of("text", "json_object", "json_schema").contains(type)) {
            throw JsonFields.invalid("response_format", "'response_format' must be {\"type\": \"text\"}, "
                    + "{\"type\": \"json_object\"} or {\"type\": \"json_schema\", \"json_schema\": {...}}.");
        }
        if (type.equals("json_schema") && !format.path("json_schema").isObject()) {
            throw JsonFields.invalid("response_format", "'response_format' of type json_schema needs a json_schema object.");
        }
        return format;
    }

    private static Double range(JsonNode body, String field, double min, double max) {
        Double value = JsonFields.number(body, field).orElse(null);
        if (value != null && (value < min || value > max || value.isNaN())) {
            throw JsonFields.invalid(field, "'" + field + "' must be a number from " + fmt(min) + " to " + fmt(max) + ".");
        }
        return value;
    }

    private static void putIfPresent(ObjectNode node, String field, Double value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String clip(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }
}
