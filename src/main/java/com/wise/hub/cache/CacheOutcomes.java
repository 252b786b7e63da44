package com.wise.hub.cache;

import com.wise.hub.metrics.HubMetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** Tells the client and the metrics where an answer came from: {@code X-Cache} and {@code hub_cache_requests_total}. */
@Component
class CacheOutcomes {

    enum Result { HIT, MISS, BYPASS }

    private final MeterRegistry meters;

    CacheOutcomes(MeterRegistry meters) {
        this.meters = meters;
    }

    void record(Exchange exchange, String kind, Result result) {
        exchange.getMessage().setHeader(ResponseCache.HEADER, result.name());
        Counter.builder(HubMetricNames.CACHE_REQUESTS)
                .description("Cache lookups by kind and result (hit, miss, bypass)")
                .tag("kind", kind).tag("result", result.name().toLowerCase(Locale.ROOT))
                .register(meters).increment();
    }
}
