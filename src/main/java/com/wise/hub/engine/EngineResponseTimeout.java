package com.wise.hub.engine;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * Cuts one engine call's response timeout to the time its request has left, so a request's
 * deadline bounds the whole failover chain and not just the start of each attempt. camel-http sets
 * timeouts per endpoint, not per exchange, so the engine-call route passes the remaining
 * milliseconds in the request header {@value #HEADER}; this interceptor applies it (only ever
 * lowering the endpoint's own timeout) and removes the header before the request leaves the hub.
 * We write this because camel-http has no per-exchange timeout option.
 */
@Component("engineResponseTimeout")
class EngineResponseTimeout implements HttpClientConfigurer {

    static final String HEADER = "X-Hub-Response-Timeout";

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.addExecInterceptorFirst("hub-response-timeout", (request, scope, chain) -> {
            Header header = request.getFirstHeader(HEADER);
            if (header != null) {
                request.removeHeaders(HEADER);
                Timeout left = Timeout.ofMilliseconds(Math.max(1, Long.parseLong(header.getValue())));
                RequestConfig current = scope.clientContext.getRequestConfigOrDefault();
                Timeout configured = current.getResponseTimeout();
                if (configured == null || configured.isDisabled() || left.compareTo(configured) < 0) {
                    scope.clientContext.setRequestConfig(RequestConfig.copy(current).setResponseTimeout(left).build());
                }
            }
            return chain.proceed(request, scope);
        });
    }
}
