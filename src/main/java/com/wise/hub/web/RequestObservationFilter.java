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
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
    private final InFlightRequests inFlight;

    RequestObservationFilter(MeterRegistry meters, WebProperties web, ProblemWriter problems,
            InFlightRequests inFlight) {
        this.meters = meters;
        this.maxRequestBytes = web.maxRequestSize().toBytes();
        this.problems = problems;
        this.inFlight = inFlight;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
        long start = System.nanoTime();
        response.setHeader(RequestIds.HEADER, requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);
        HttpServletRequest withId = new RequestWithId(request, requestId);
        // Operations endpoints answer even when the replica is full, so probes and scrapes see it.
        boolean takesPlace = !isOperations(request.getRequestURI());
        boolean admitted = !takesPlace || inFlight.tryEnter();
        try {
            if (!admitted) {
                problems.write(response, new ProblemException(503, "saturated", "Hub saturated",
                        "This hub replica is serving " + inFlight.capacity() + " requests already (hub.max-in-flight); "
                                + "retry shortly.").retryAfter(java.time.Duration.ofSeconds(1)), requestId);
            } else if (request.getContentLengthLong() > maxRequestBytes) {
                problems.write(response, ProblemException.payloadTooLarge("The request body is "
                        + request.getContentLengthLong() + " bytes; this hub accepts at most " + maxRequestBytes
                        + " bytes (hub.max-request-size)."), requestId);
            } else {
                chain.doFilter(withId, new DocumentedHeadersOnly(response));
            }
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
            boolean holdsPlace = takesPlace && admitted;
            Runnable finished = () -> {
                if (holdsPlace) {
                    inFlight.exit();
                }
                record(request, response, requestId, start);
            };
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Completion(finished));
            } else {
                finished.run();
            }
        }
    }

    private static boolean isOperations(String path) {
        return path.equals("/health") || path.startsWith("/health/") || path.equals("/metrics")
                || path.equals("/openapi.json");
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

    /** Runs the request's bookkeeping once an asynchronous (platform-http) response completes. */
    private static final class Completion implements AsyncListener {
        private final Runnable finished;

        Completion(Runnable finished) {
            this.finished = finished;
        }

        /** Called exactly once, also after a timeout or an error. */
        @Override
        public void onComplete(AsyncEvent event) {
            finished.run();
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
}
