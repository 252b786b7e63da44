package com.wise.hub.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wise.hub.engine.EngineAnswers;
import com.wise.hub.engine.EngineEventStream;
import com.wise.hub.engine.EventStreamWaits;
import com.wise.hub.ratelimit.TokenQuota;
import com.wise.hub.ratelimit.TokenReservation;
import java.io.InputStream;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.SynchronizationAdapter;
import org.springframework.stereotype.Component;

/**
 * The chat answer after engine-failover (routes/chat.yaml). A stream is handed to the client as it is (after the
 * heartbeats of a long wait for it, {@link EventStreamWaits}, have stopped); its
 * {@link ChatStream} owns the token reservation from here. A JSON answer is checked (a chat.completion with a message), names the model alias, and reports its usage for the
 * settlement of the reservation.
 */
@Component("chatAnswer")
public class ChatAnswers {

    private final EngineAnswers answers;
    private final ChatMetrics metrics;
    private final ObjectMapper json;

    ChatAnswers(EngineAnswers answers, ChatMetrics metrics, ObjectMapper json) {
        this.answers = answers;
        this.metrics = metrics;
        this.json = json;
    }

    /**
     * @throws com.wise.hub.problem.ProblemException 502 {@code engine-bad-answer} for a JSON answer without choices
     */
    public void answer(Exchange exchange) throws JsonProcessingException {
        ChatRequest request = exchange.getProperty(ChatRequestReader.CHAT, ChatRequest.class);
        Message message = exchange.getMessage();
        String engine = message.getHeader("X-Engine", String.class);
        EventStreamWaits.Wait wait = EventStreamWaits.of(exchange);
        boolean begun = wait != null && wait.handOver();
        if (begun && !(message.getBody() instanceof EngineEventStream)) {
            throw answers.badAnswer(exchange, "it is no event stream");
        }
        if (message.getBody() instanceof EngineEventStream stream) {
            exchange.setProperty(ChatStreams.BEGAN, true);
            ((ChatStream) stream.observer()).begin(exchange.getProperty(TokenQuota.RESERVATION, TokenReservation.class));
            metrics.firstToken(engine, request.alias(), sinceArrival(exchange));
            // Should the response never be written (a failure after this step), the engine call still ends now.
            exchange.getExchangeExtension().addOnCompletion(new CloseUnread(stream));
            return;
        }
        JsonNode answer = answers.readObject(exchange);
        JsonNode choices = answer.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty() || !choices.get(0).path("message").isObject()) {
            throw answers.badAnswer(exchange, "it has no choices[0].message");
        }
        JsonNode usage = answer.path("usage");
        if (usage.isObject() && usage.path("prompt_tokens").canConvertToLong()
                && usage.path("completion_tokens").canConvertToLong()) {
            long prompt = usage.get("prompt_tokens").asLong();
            long completion = usage.get("completion_tokens").asLong();
            exchange.setProperty(TokenQuota.USED, prompt + completion);
            metrics.tokens(engine, request.alias(), prompt, completion);
        }
        ((ObjectNode) answer).put("model", request.alias());
        message.setBody(json.writeValueAsBytes(answer));
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
    }

    private static Duration sinceArrival(Exchange exchange) {
        return Duration.ofMillis(Math.max(0, System.currentTimeMillis() - exchange.getClock().getCreated()));
    }

    /** Closes a stream the client never read (the exchange failed after the stream was opened). */
    private static final class CloseUnread extends SynchronizationAdapter {

        private final InputStream stream;

        CloseUnread(InputStream stream) {
            this.stream = stream;
        }

        @Override
        public void onDone(Exchange exchange) {
            try {
                stream.close();
            } catch (java.io.IOException e) {
                // closing an engine call; nothing to tell
            }
        }
    }
}
