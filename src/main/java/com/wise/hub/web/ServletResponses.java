package com.wise.hub.web;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.apache.camel.http.common.HttpMessage;

/**
 * The servlet response of an exchange that came over HTTP. Camel's message holds it only until a step replaces the
 * message (an enrich, an engine call), so the first look keeps it on the exchange for the later ones: admission's
 * headers, the token quota's, the heartbeats of a stream's wait.
 */
public final class ServletResponses {

    private static final String PROPERTY = "hubServletResponse";

    private ServletResponses() {
    }

    /** The response, or null for an exchange that did not come over HTTP. */
    public static HttpServletResponse of(Exchange exchange) {
        HttpServletResponse kept = exchange.getProperty(PROPERTY, HttpServletResponse.class);
        if (kept != null) {
            return kept;
        }
        HttpServletResponse response = exchange.getIn() instanceof PlatformHttpMessage platform ? platform.getResponse()
                : exchange.getIn() instanceof HttpMessage http ? http.getResponse() : null;
        if (response != null) {
            exchange.setProperty(PROPERTY, response);
        }
        return response;
    }
}
