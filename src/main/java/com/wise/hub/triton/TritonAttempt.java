package com.wise.hub.triton;

import com.wise.hub.request.RequestContext;
import com.wise.hub.metrics.HubMetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The bookkeeping of one call to one Triton target, used by the routes of the template {@code triton-infer}:
 * puts the request in the body, and records the answer or the failure for {@link TritonFailover}
 * and in {@code hub_triton_requests_seconds{target,outcome}}.
 */
@Component("tritonAttempt")
public class TritonAttempt {

    /** Exchange property: the {@code ModelInferResponse} of the target that answered. */
    public static final String ANSWER = "hubTritonAnswer";
    /** Exchange property: the {@link TritonFailure} of the last attempt. */
    public static final String FAILURE = "hubTritonFailure";
    private static final String TIMER = "hubTritonTimer";

    private final MeterRegistry meters;
    private final ModelContract contract;

    TritonAttempt(MeterRegistry meters, ModelContract contract) {
        this.meters = meters;
        this.contract = contract;
    }

    /** Starts timing the attempt. */
    public void start(Exchange exchange) {
        exchange.setProperty(TIMER, Timer.start(meters));
    }

    /** Puts the {@code ModelInfer} request in the body. */
    public void inferRequest(Exchange exchange) {
        // The request now costs a Triton call: it keeps its quota unit, whatever Triton answers.
        exchange.setProperty(RequestContext.ENGINE_CALLED, true);
        exchange.getMessage().setBody(exchange.getProperty(TritonFailover.REQUEST));
    }

    /** Keeps the answer and counts an {@code ok}. */
    public void answered(Exchange exchange) {
        exchange.setProperty(ANSWER, exchange.getMessage().getBody());
        record(exchange, "ok");
    }

    /** In the breaker's fallback: classifies what was caught and counts it under its outcome. */
    public void failed(Exchange exchange) {
        // a call the open breaker did not permit reaches the fallback without an exception
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        TritonFailure failure = caught == null ? TritonFailure.breakerOpen() : TritonFailure.of(caught);
        exchange.setProperty(FAILURE, failure);
        if (failure.outcome().equals("rejected")) {
            contract.forget(exchange.getProperty(TritonFailover.TARGET, String.class));
        }
        record(exchange, failure.outcome());
    }

    private void record(Exchange exchange, String outcome) {
        Timer.Sample sample = exchange.getProperty(TIMER, Timer.Sample.class);
        if (sample == null) {
            return;
        }
        exchange.removeProperty(TIMER);
        sample.stop(Timer.builder(HubMetricNames.TRITON_REQUESTS)
                .description("Calls to Triton (contract check and ModelInfer), by target and outcome")
                .tag("target", exchange.getProperty(TritonFailover.TARGET, "unknown", String.class))
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(meters));
    }
}
