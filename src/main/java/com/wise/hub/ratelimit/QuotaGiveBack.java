package com.wise.hub.ratelimit;

import com.wise.hub.request.RequestContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Runs when a charged request's exchange is done (after the response is written) and gives its quota
 * unit back when the request cost no engine call: it failed on the hub side before any engine was
 * called (an exception or a 5xx such as engine-not-configured or every breaker open), or an
 * idempotent replay answered it with a stored response. A request that reached an engine stays
 * charged whatever the engine answered, and so does a 4xx (the client's).
 */
final class QuotaGiveBack extends SynchronizationAdapter {


    private final QuotaCharge charge;
    private final RateLimiter limiter;

    QuotaGiveBack(QuotaCharge charge, RateLimiter limiter) {
        this.charge = charge;
        this.limiter = limiter;
    }

    @Override
    public void onDone(Exchange exchange) {
        if (Boolean.TRUE.equals(exchange.getProperty(RequestContext.REPLAYED, Boolean.class))) {
            limiter.giveBack(charge, "replayed");
            return;
        }
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        boolean failed = exchange.isFailed() || status != null && status >= 500;
        if (failed && !Boolean.TRUE.equals(exchange.getProperty(RequestContext.ENGINE_CALLED, Boolean.class))) {
            limiter.giveBack(charge, "no-engine-call");
        }
    }
}
