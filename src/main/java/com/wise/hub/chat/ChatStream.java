package com.wise.hub.chat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.hub.engine.EventStreamObserver;
import com.wise.hub.ratelimit.TokenReservation;
import java.io.IOException;

/**
 * One engine's chat completion stream as the client gets it: every chunk names the model alias the client asked
 * for (not the engine's model), the usage the hub asked the engine for is read and, unless the client asked for it
 * too, removed; when the stream ends its tokens are counted and its reservation settled: to the usage, or (a client
 * that went away before the usage came) to the prompt's bound plus one token per chunk relayed; nothing when the
 * engine broke the answer.
 */
final class ChatStream implements EventStreamObserver {

    private final ChatRequest request;
    private final String engine;
    private final ChatMetrics metrics;
    private final ObjectMapper json;

    // Written by the stream's reader thread, read at its end on the client's: volatile.
    private volatile long chunks;
    private volatile long promptTokens = -1;
    private volatile long completionTokens = -1;
    private volatile TokenReservation reservation;
    private volatile boolean began;

    ChatStream(ChatRequest request, String engine, ChatMetrics metrics, ObjectMapper json) {
        this.request = request;
        this.engine = engine;
        this.metrics = metrics;
        this.json = json;
    }

    /** The stream reached the client: it owns the reservation (may be null: no token quota) from now on. */
    void begin(TokenReservation reservation) {
        this.reservation = reservation;
        if (reservation != null) {
            reservation.handOver();
        }
        began = true;
        metrics.streamBegan();
    }

    /**
     * Rewrites one chunk token by token with Jackson's streaming parser and generator, never as a tree: this runs for
     * every event of every stream (a tree read and written again cost the relay a third of its CPU, measured with
     * bench/run.sh streams). Fields are copied in order; {@code model} gets the alias, {@code usage} is read and kept
     * only when the client asked for it, a usage-only chunk (no choices) is then dropped whole.
     */
    @Override
    public byte[] data(byte[] data) {
        JsonFactory factory = json.getFactory();
        try (JsonParser in = factory.createParser(data)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                return data;
            }
            ByteArrayBuilder bytes = new ByteArrayBuilder(data.length + 32);
            boolean choices = false;
            boolean usage = false;
            try (JsonGenerator out = factory.createGenerator(bytes)) {
                out.writeStartObject();
                while (in.nextToken() == JsonToken.FIELD_NAME) {
                    String name = in.currentName();
                    JsonToken value = in.nextToken();
                    switch (name) {
                        case "model" -> {
                            in.skipChildren();
                            out.writeStringField("model", request.alias());
                        }
                        case "usage" -> {
                            if (value == JsonToken.START_OBJECT) {
                                usage = true;
                                JsonNode counts = in.readValueAsTree();
                                promptTokens = counts.path("prompt_tokens").asLong(-1);
                                completionTokens = counts.path("completion_tokens").asLong(-1);
                                if (request.includeUsage()) {
                                    out.writeFieldName(name);
                                    out.writeTree(counts);
                                }
                            } else if (request.includeUsage()) {
                                out.writeFieldName(name);
                                out.copyCurrentStructure(in);
                            } else {
                                in.skipChildren();
                            }
                        }
                        case "choices" -> {
                            out.writeFieldName(name);
                            if (value == JsonToken.START_ARRAY) {
                                out.writeStartArray();
                                while (in.nextToken() != JsonToken.END_ARRAY) {
                                    choices = true;
                                    out.copyCurrentStructure(in);
                                }
                                out.writeEndArray();
                            } else {
                                out.copyCurrentStructure(in);
                            }
                        }
                        default -> {
                            out.writeFieldName(name);
                            out.copyCurrentStructure(in);
                        }
                    }
                }
                out.writeEndObject();
            }
            if (choices) {
                chunks++;
            } else if (usage && !request.includeUsage()) {
                return null;
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            // Not JSON, or broken JSON: relayed as the engine sent it (the client sees what the engine said).
            return data;
        }
    }

    @Override
    public void ended(StreamOutcome outcome) {
        boolean usage = promptTokens >= 0 && completionTokens >= 0;
        if (usage) {
            metrics.tokens(engine, request.alias(), promptTokens, completionTokens);
        }
        metrics.streamEnded(engine, request.alias(), outcome.label(), began);
        TokenReservation held = reservation;
        if (held == null) {
            return;
        }
        switch (outcome) {
            case COMPLETED, CLIENT_CANCELLED -> held.settle(usage ? promptTokens + completionTokens
                    : Math.min(held.reserved(), request.promptBound() + chunks));
            default -> held.refund();
        }
    }
}
