package com.wise.hub.engine;

import com.wise.hub.request.RequestContext;
import com.wise.hub.config.Redaction;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Folds one engine attempt (the enrich of {@code direct:engine-call-<id>}) back into the request:
 * a 2xx answer becomes the message (body, Content-Type, status); a rejecting 4xx is kept for the
 * client's problem; any failure is classified ({@link EngineOutcome#of}), told to every
 * {@link EngineFailureListener}, and the request keeps its original body for the next engine. Every
 * attempt is counted and timed.
 */
@Component("engineAttemptOutcome")
class EngineAttemptOutcome implements AggregationStrategy {

    private static final Logger log = LoggerFactory.getLogger(EngineAttemptOutcome.class);

    private final EngineMetrics metrics;
    private final EngineErrorMessages messages;
    private final Clock clock;
    private final List<EngineFailureListener> listeners;

    EngineAttemptOutcome(EngineMetrics metrics, EngineErrorMessages messages, Clock clock,
            ObjectProvider<EngineFailureListener> listeners) {
        this.metrics = metrics;
        this.messages = messages;
        this.clock = clock;
        this.listeners = listeners.orderedStream().toList();
    }

    @Override
    public Exchange aggregate(Exchange request, Exchange attempt) {
        EngineAttempts attempts = request.getProperty(RequestContext.ENGINE_ATTEMPTS, EngineAttempts.class);
        String engine = attempts.current();
        Duration took = Duration.between(attempts.currentStart(), clock.instant());
        Exception failure = attempt.getException();
        if (failure != null) {
            EngineOutcome outcome = EngineOutcome.of(failure);
            attempts.record(engine, outcome);
            metrics.attempt(engine, outcome, outcome.skipped() ? null : took);
            log.warn("{} engine {} {} after {} ms: {}", attempts.capability(), engine, outcome.label(),
                    took.toMillis(), describe(failure));
            listeners.forEach(listener -> listener.failed(engine, outcome));
            return request;
        }
        Message answer = attempt.getMessage();
        int status = answer.getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class);
        if (status >= 400) {
            attempts.reject(engine, status, messages.extract(answer));
            metrics.attempt(engine, EngineOutcome.CLIENT_ERROR, took);
            log.info("{} engine {} rejected the request with HTTP {}", attempts.capability(), engine, status);
            return request;
        }
        Message out = request.getMessage();
        out.setBody(answer.getBody());
        out.setHeader(Exchange.CONTENT_TYPE, answer.getHeader(Exchange.CONTENT_TYPE));
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        attempts.record(engine, EngineOutcome.OK);
        metrics.attempt(engine, EngineOutcome.OK, took);
        return request;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + Redaction.url(root.getMessage()));
    }
}
