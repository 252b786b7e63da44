package com.wise.hub.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.hub.engine.EventStreamObserver;
import com.wise.hub.engine.EventStreamObserver.StreamOutcome;
import com.wise.hub.engine.EventStreamWaits;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.springframework.stereotype.Component;

/**
 * Makes the {@link ChatStream} of each engine a streamed chat request tries, and counts the streamed request no
 * engine answered ({@code failed_before_first_token}: every engine failed, or the chain's deadline ran out;
 * {@code client_cancelled} when the client of a begun stream went away while it waited).
 */
@Component
class ChatStreams {

    /** Exchange property, {@code Boolean}: a stream reached the client (set by {@link ChatAnswers}). */
    static final String BEGAN = "hubChatStreamBegan";

    private final ChatMetrics metrics;
    private final ObjectMapper json;

    ChatStreams(ChatMetrics metrics, ObjectMapper json) {
        this.metrics = metrics;
        this.json = json;
    }

    Function<String, EventStreamObserver> observers(Exchange exchange, ChatRequest request) {
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                Integer status = done.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
                boolean engineFailed = done.isFailed() || status != null && status >= 500;
                if (engineFailed && !Boolean.TRUE.equals(done.getProperty(BEGAN, Boolean.class))) {
                    EventStreamWaits.Wait wait = EventStreamWaits.of(done);
                    metrics.streamEnded("none", request.alias(), wait != null && wait.clientGone()
                            ? StreamOutcome.CLIENT_CANCELLED.label() : ChatMetrics.FAILED_BEFORE_FIRST_TOKEN, false);
                }
            }
        });
        return engine -> new ChatStream(request, engine, metrics, json);
    }
}
