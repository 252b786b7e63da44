package com.wise.hub.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;

/**
 * A header exactly as the client sent it in the HTTP request. Camel's HTTP binding also turns
 * multipart form fields into message headers, so a form field named {@code X-API-Key},
 * {@code Authorization} or {@code Idempotency-Key} would pass for one; credentials, idempotency
 * keys and request ids are therefore read from the HTTP request itself. An exchange that did not
 * come from HTTP (a route calling another) falls back to the message header.
 */
public final class ClientHeaders {

    private ClientHeaders() {
    }

    /** The first value of the request header {@code name}, or empty. */
    public static Optional<String> first(Exchange exchange, String name) {
        Optional<HttpServletRequest> request = request(exchange);
        if (request.isPresent()) {
            return Optional.ofNullable(request.get().getHeader(name));
        }
        return Optional.ofNullable(exchange.getMessage().getHeader(name, String.class));
    }

    /** The HTTP request behind the exchange, when it came from one. */
    public static Optional<HttpServletRequest> request(Exchange exchange) {
        Message in = exchange.getIn();
        if (in instanceof PlatformHttpMessage message && message.getRequest() != null) {
            return Optional.of(message.getRequest());
        }
        return Optional.ofNullable(in.getHeader("CamelHttpServletRequest", HttpServletRequest.class));
    }
}
