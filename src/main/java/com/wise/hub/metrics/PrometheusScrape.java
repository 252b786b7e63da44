package com.wise.hub.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** The body of {@code GET /metrics}: every meter in Prometheus text format 0.0.4. */
@Component("prometheusScrape")
public class PrometheusScrape {

    private final PrometheusMeterRegistry registry;

    PrometheusScrape(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    public String scrape(Exchange exchange) {
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        return registry.scrape();
    }
}
