package com.wise.hub.ratelimit;

import com.wise.hub.web.ServletResponses;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The {@code X-RateLimit-*} response headers: {@code Limit}, {@code Remaining} and {@code Reset}
 * (seconds until a slot in the one-minute window frees) describe the sliding window; the same three
 * with a {@code -Day} suffix describe the daily quota ({@code Reset-Day}: seconds to midnight). A
 * limit that is unlimited for the caller's plan sends none of its three.
 */
final class RateLimitHeaders {

    private RateLimitHeaders() {
    }

    /** The headers of the limits that apply; an unlimited one has none. */
    static Map<String, String> of(LimitDecision decision, LimitProperties.FeatureLimit limit) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!limit.perMinute().unlimited()) {
            headers.put("X-RateLimit-Limit", limit.perMinute().toString());
            headers.put("X-RateLimit-Remaining", Long.toString(decision.remainingWindow()));
            headers.put("X-RateLimit-Reset", Long.toString(seconds(decision.untilSlot())));
        }
        if (!limit.perDay().unlimited()) {
            headers.put("X-RateLimit-Limit-Day", limit.perDay().toString());
            headers.put("X-RateLimit-Remaining-Day", Long.toString(decision.remainingDay()));
            headers.put("X-RateLimit-Reset-Day", Long.toString(seconds(decision.untilMidnight())));
        }
        return headers;
    }

    /**
     * Puts the headers of an admitted request straight on the servlet response, so they reach the
     * client whatever later steps do to the message's headers (an engine call replaces them); on an
     * exchange that did not come over HTTP they become message headers.
     */
    static void writeAdmitted(Exchange exchange, Map<String, String> headers) {
        HttpServletResponse response = ServletResponses.of(exchange);
        if (response != null) {
            headers.forEach(response::setHeader);
        } else {
            headers.forEach(exchange.getMessage()::setHeader);
        }
    }

    /** Whole seconds, rounded up, so a client that waits this long finds the slot free. */
    static long seconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }
}
