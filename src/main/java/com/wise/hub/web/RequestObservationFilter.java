package com.wise.hub.web;

import com.wise.hub.metrics.HubMetricNames;
import com.wise.hub.problem.ProblemException;
import com.wise.hub.problem.ProblemWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Gives every request its {@code X-Request-Id} (seen by routes, engines, logs and the client),
 * then records it once finished: the {@code hub_http_requests_seconds} histogram by method,
 * endpoint template and status, and one JSON log line.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestObservationFilter extends OncePerRequestFilter {

    private static final Logger accessLog = LoggerFactory.getLogger("hub.access");

    private final MeterRegistry meters;
    private final long maxRequestBytes;
    private final ProblemWriter problems;

    RequestObservationFilter(MeterRegistry meters, WebProperties web, ProblemWriter problems) {
        this.meters = meters;
        this.maxRequestBytes = web.maxRequestSize().toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
        long start = System.nanoTime();
        response.setHeader(RequestIds.HEADER, requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);
        HttpServletRequest withId = new WithRequestId(request, requestId);
        try {
            if (request.getContentLengthLong() > maxRequestBytes) {
                problems.write(response, ProblemException.payloadTooLarge("The request body is "
                        + request.getContentLengthLong() + " bytes; this hub accepts at most " + maxRequestBytes
                        + " bytes (hub.max-request-size)."), requestId);
            } else {
                chain.doFilter(withId, new DocumentedHeadersOnly(response));
            }
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Completion(request, response, requestId, start));
            } else {
                record(request, response, requestId, start);
            }
        }
    }

    private void record(HttpServletRequest request, HttpServletResponse response, String requestId, long start) {
        long nanos = System.nanoTime() - start;
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String endpoint = pattern != null ? pattern.toString() : "UNMATCHED";
        String status = Integer.toString(response.getStatus());
        Timer.builder(HubMetricNames.HTTP_REQUESTS)
                .description("HTTP requests served by the hub, by method, endpoint template and status")
                .tag("method", request.getMethod()).tag("endpoint", endpoint).tag("status", status)
                .publishPercentileHistogram()
                .register(meters).record(nanos, TimeUnit.NANOSECONDS);
        String engine = response.getHeader("X-Engine");
        MDC.put(RequestIds.MDC_KEY, requestId);
        try {
            accessLog.atInfo()
                    .addKeyValue("http.method", request.getMethod())
                    .addKeyValue("url.path", request.getRequestURI())
                    .addKeyValue("http.status", response.getStatus())
                    .addKeyValue("duration_ms", nanos / 1_000_000.0)
                    .addKeyValue("engine", engine == null ? "" : engine)
                    .addKeyValue("attempts", headerOrEmpty(response, "X-Engine-Attempts"))
                    .log("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), status, nanos / 1_000_000);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private static String headerOrEmpty(HttpServletResponse response, String name) {
        String value = response.getHeader(name);
        return value == null ? "" : value;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }

    /** Records the request when an asynchronous (platform-http) response completes. */
    private final class Completion implements AsyncListener {
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final String requestId;
        private final long start;

        Completion(HttpServletRequest request, HttpServletResponse response, String requestId, long start) {
            this.request = request;
            this.response = response;
            this.requestId = requestId;
            this.start = start;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            record(request, response, requestId, start);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }

    /** The request as routes see it: {@code X-Request-Id} replaced by the accepted or generated id. */
    private static final class WithRequestId extends HttpServletRequestWrapper {
        private final String requestId;

        WithRequestId(HttpServletRequest request, String requestId) {
            super(request);
            this.requestId = requestId;
        }

        @Override
        public String getHeader(String name) {
            return RequestIds.HEADER.equalsIgnoreCase(name) ? requestId : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return RequestIds.HEADER.equalsIgnoreCase(name)
                    ? Collections.enumeration(java.util.List.of(requestId)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            java.util.List<String> names = Collections.list(super.getHeaderNames());
            if (names.stream().noneMatch(RequestIds.HEADER::equalsIgnoreCase)) {
                names.add(RequestIds.HEADER);
            }
            return Collections.enumeration(names);
        }
    }
}
