package com.wise.hub.ratelimit;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Runs when a charged request's exchange is done (after the response is written): a request that
 * failed on the hub or engine side (an exception, or a 5xx response such as engine-unavailable,
 * timeout or all engines down) gets its quota unit back. A 4xx is the client's and stays charged.
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
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (exchange.isFailed() || status != null && status >= 500) {
            limiter.giveBack(charge);
        }
    }
}
