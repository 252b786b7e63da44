package com.wise.hub.web;

import com.wise.hub.metrics.HubMetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * How many requests this replica is serving, capped at {@code hub.max-in-flight}. With virtual
 * threads nothing else bounds it: offered 5,000 requests/s beyond what it could serve, a hub with a
 * 512 MB heap queued them until it ran out of memory (bench scenario 3). Past the cap a request is
 * refused at once, so the replica stays responsive and the load balancer or client retries elsewhere.
 */
@Component
class InFlightRequests {

    private final int capacity;
    private final Semaphore permits;
    private final Counter shed;

    InFlightRequests(WebProperties web, MeterRegistry meters) {
        this.capacity = web.maxInFlight();
        this.permits = new Semaphore(capacity);
        this.shed = Counter.builder(HubMetricNames.HTTP_SHED)
                .description("Requests refused with 503 because the replica already served hub.max-in-flight")
                .register(meters);
        Gauge.builder(HubMetricNames.HTTP_IN_FLIGHT, this, InFlightRequests::current)
                .description("Requests being served by this replica").register(meters);
    }

    /** Takes a place for one request; false (and counted) when the replica is full. Never blocks. */
    boolean tryEnter() {
        if (permits.tryAcquire()) {
            return true;
        }
        shed.increment();
        return false;
    }

    /** Gives back the place taken by {@link #tryEnter}; call exactly once per successful enter. */
    void exit() {
        permits.release();
    }

    int capacity() {
        return capacity;
    }

    private double current() {
        return capacity - permits.availablePermits();
    }
}
