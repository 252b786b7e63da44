package com.wise.hub.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    @Override
    public String data(String data) {
        JsonNode chunk;
        try {
            chunk = json.readTree(data);
        } catch (IOException e) {
            return data;
        }
        if (!(chunk instanceof ObjectNode object)) {
            return data;
        }
        JsonNode usage = object.get("usage");
        if (usage != null && usage.isObject()) {
            promptTokens = usage.path("prompt_tokens").asLong(-1);
            completionTokens = usage.path("completion_tokens").asLong(-1);
        }
        JsonNode choices = object.path("choices");
        if (choices.isArray() && !choices.isEmpty()) {
            chunks++;
        }
        if (!request.includeUsage()) {
            if (usage != null && usage.isObject() && (!choices.isArray() || choices.isEmpty())) {
                return null;
            }
            object.remove("usage");
        }
        if (object.has("model")) {
            object.put("model", request.alias());
        }
        try {
            return json.writeValueAsString(object);
        } catch (IOException e) {
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
